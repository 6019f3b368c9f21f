"use client";

import { useEffect } from "react";

/** The server refuses uploads above this (lib/server/spreadsheet.ts); the request limit is a little higher. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const UPLOAD_TOO_LARGE = "文件超过 10 MB，请拆分后分批导入";

function oversized(input: HTMLInputElement): boolean {
  return Array.from(input.files ?? []).some((file) => file.size > MAX_UPLOAD_BYTES);
}

function showProblem(input: HTMLInputElement, message: string | null) {
  const id = `${input.id || input.name}-size-error`;
  document.getElementById(id)?.remove();
  input.setCustomValidity(message ?? "");
  if (!message) {
    input.removeAttribute("aria-invalid");
    return;
  }
  input.setAttribute("aria-invalid", "true");
  const note = document.createElement("p");
  note.id = id;
  note.setAttribute("role", "alert");
  note.className = "mt-1 text-sm text-red-700";
  note.textContent = message;
  input.insertAdjacentElement("afterend", note);
}

/**
 * Every file input of the app, checked in the browser before anything is sent: a file over
 * 10 MB is refused with a Chinese message right away instead of uploading it for the server's
 * request limit to turn into an error page. Mounted once in the app shell.
 */
export function UploadSizeGuard() {
  useEffect(() => {
    function onChange(event: Event) {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
      showProblem(input, oversized(input) ? UPLOAD_TOO_LARGE : null);
    }
    function onSubmit(event: Event) {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      const inputs = Array.from(form.querySelectorAll<HTMLInputElement>('input[type="file"]')).filter(oversized);
      if (inputs.length === 0) return;
      // Before React sees the submit (window, capture phase): nothing is sent.
      event.preventDefault();
      event.stopImmediatePropagation();
      for (const input of inputs) showProblem(input, UPLOAD_TOO_LARGE);
      inputs[0].focus();
    }
    window.addEventListener("change", onChange, true);
    window.addEventListener("submit", onSubmit, true);
    return () => {
      window.removeEventListener("change", onChange, true);
      window.removeEventListener("submit", onSubmit, true);
    };
  }, []);
  return null;
}
