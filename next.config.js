import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/security/static-headers.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The app is served from one Node process next to its database; no image CDN, no telemetry,
  // no version in the headers.
  poweredByHeader: false,
  // An attachment may be 10 MB (issue 8); a server action refuses larger bodies before the command sees them.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" } },
  // pdfkit reads its font metrics from its own folder at run time: it must not be bundled.
  // chinese-days ships an ES build without "type": "module", which the bundler refuses; exceljs
  // is large and reads zip streams: both are loaded by Node as they are.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "bcryptjs", "pdfkit", "chinese-days", "exceljs"],
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default withNextIntl(nextConfig);
