// Preloaded into the Prisma CLI: its WASM engine leaves a long setTimeout behind that keeps
// `migrate deploy` alive ~10 s after it has finished. Long timers need not hold the process open.
const original = global.setTimeout;
global.setTimeout = function patchedSetTimeout(fn, ms, ...args) {
  const timer = original(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
