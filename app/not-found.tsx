import { RefusalPanel } from "@/components/refusal-panel";

export default function NotFound() {
  return (
    <main>
      <RefusalPanel kind="notFound" />
    </main>
  );
}
