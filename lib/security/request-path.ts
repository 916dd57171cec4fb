import { isCleanText } from "@/lib/text-input";

/**
 * Whether every segment of a URL path decodes to well-formed text. Next.js decodes dynamic route
 * parameters itself and answers a malformed one (a lone surrogate sent as %ED%A0%80, a bare %)
 * with a 500 of its own, before any page code runs; proxy.ts refuses such a path with a 400 first.
 */
export function isDecodablePath(pathname: string): boolean {
  try {
    return pathname.split("/").every((segment) => isCleanText(decodeURIComponent(segment).replace(/\u0000/g, "")));
  } catch {
    return false;
  }
}
