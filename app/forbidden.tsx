import { RefusalPanel } from "@/components/refusal-panel";

export default function Forbidden() {
  return (
    <main>
      <RefusalPanel kind="forbidden" />
    </main>
  );
}
