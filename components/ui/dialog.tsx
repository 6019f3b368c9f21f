"use client";

import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/actions/state";

/** A modal <dialog> that closes itself after the action it wraps succeeds. */
export function useDialogClosingOnSuccess(state: ActionState<unknown>) {
  const ref = useRef<HTMLDialogElement>(null);
  const last = useRef(state);
  useEffect(() => {
    if (state !== last.current && state.ok) ref.current?.close();
    last.current = state;
  }, [state]);
  return ref;
}

/** The one confirmation dialog: a titled modal <dialog>, opened with dialogRef.current.showModal(). */
export function Dialog({
  dialogRef,
  titleId,
  title,
  children,
}: {
  dialogRef: React.RefObject<HTMLDialogElement | null>;
  titleId: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <dialog ref={dialogRef} aria-labelledby={titleId} className="m-auto w-[min(32rem,92vw)] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
      <div className="space-y-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
