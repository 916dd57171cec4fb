import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/security/static-headers.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The app is served from one Node process next to its database; no image CDN, no telemetry,
  // no version in the headers.
  poweredByHeader: false,
  // A 动态调整 list may be 20 MB (lib/roster/roster-limits.ts), an attachment 10 MB (issue 8): a
  // server action's body may be a little more, so that the command refuses a larger file with its
  // own field message; and the proxy (proxy.ts), which reads a copy of an action's body, must get
  // all of it, not Next's default first 10 MB.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "21mb" }, proxyClientMaxBodySize: "21mb" },
  // pdfkit reads its font metrics from its own folder at run time: it must not be bundled.
  // chinese-days ships an ES build without "type": "module", which the bundler refuses; exceljs
  // is large and reads zip streams: both are loaded by Node as they are.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "bcryptjs", "pdfkit", "chinese-days", "exceljs"],
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default withNextIntl(nextConfig);
