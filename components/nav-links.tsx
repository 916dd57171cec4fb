"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  // The deepest entry the path lies under is the current one (/cases/publicity is not /cases).
  const matches = items.filter((item) => (item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`)));
  const currentHref = matches.reduce<string | null>((best, item) => (best === null || item.href.length > best.length ? item.href : best), null);
  return (
    <ul className="space-y-1" data-testid="main-nav">
      {items.map((item) => {
        const current = item.href === currentHref;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className="block rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-brand-50 aria-[current=page]:bg-brand-100 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
