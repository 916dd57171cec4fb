import { RefusalPanel } from "@/components/refusal-panel";

// Inside the console layout, so the clerk keeps the navigation.
export default function ConsoleNotFound() {
  return <RefusalPanel kind="notFound" />;
}
