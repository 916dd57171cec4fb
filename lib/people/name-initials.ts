import { pinyin } from "pinyin-pro";

/**
 * The first letter of each character's pinyin, lower case (张三丰 → zsf; a Latin letter stays
 * itself, anything else is dropped): what a clerk types to find a name without a Chinese input
 * method. A character with several readings takes its usual one in context (pinyin-pro).
 */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" })
    .join("")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}
