"use client";
// Parts of a page are server-rendered around the live board (a state badge, the workshop's title
// and notices). When what they show changes on the board, the page renders again; not on the
// first render, which the server has just done.
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";

/** Refreshes the page's server-rendered parts whenever `key` (what they depend on) changes. */
export function useRefreshOnChange(key: string): void {
  const router = useRouter();
  const lastKey = useRef(key);
  useEffect(() => {
    if (lastKey.current === key) return;
    lastKey.current = key;
    router.refresh();
  }, [key, router]);
}
