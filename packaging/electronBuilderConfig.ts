import type { Configuration } from 'electron-builder';
import { APP_ID, PRODUCT_NAME, RELEASES_REPOSITORY } from '../shared/appIdentity.ts';

// How Scrollback is packed into installers (`npm run package`, electron-builder 26). One file holds every
// platform's settings; `tests/packaging/packedApp.test.ts` packs the Linux `dir` target against a placeholder
// Electron and inspects the result, so what this file promises is checked on every `npm test`.
//
// Signing and notarization come from the environment only (nothing secret is in the repository):
//   macOS: CSC_LINK + CSC_KEY_PASSWORD (a base64 .p12), and for notarization APPLE_API_KEY (the path of the
//          .p8) + APPLE_API_KEY_ID + APPLE_API_ISSUER, or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID.
//   Windows: WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD (or CSC_LINK / CSC_KEY_PASSWORD).
// Without them electron-builder builds unsigned installers and says so.

/** Where releases and their update metadata are published (GitHub Releases of this repository). */
export const RELEASES = {
  provider: 'github' as const,
  owner: RELEASES_REPOSITORY.owner,
  repo: RELEASES_REPOSITORY.repo,
  releaseType: 'draft' as const,
};

/**
 * The fuses flipped in the packed Electron binary (read back by the packaging test). RunAsNode is off, so the
 * installed `scrollback` command is answered by the app binary itself (`electron/main/runCliInApp.ts`).
 */
export const FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  // The window is served over app://, never file://, so file:// needs none of its extra powers.
  grantFileProtocolExtraPrivileges: false,
};

const config: Configuration = {
  appId: APP_ID,
  productName: PRODUCT_NAME,
  copyright: 'Copyright © 2026 the Scrollback authors',
  directories: { output: 'dist', buildResources: 'out/build' },
  // better-sqlite3 13 and sharp ship Node-API prebuilds: nothing is compiled against Electron's ABI.
  npmRebuild: false,
  // (electron-builder drops `scripts` and `devDependencies` from the packed package.json by itself.)
  files: [
    'out/**',
    '!out/build/**',
    '!out/**/*.map',
    'package.json',
    'LICENSE',
    'THIRD_PARTY_NOTICES.md',
    // Sources, tests, docs and type declarations of dependencies are not needed to run them.
    '!node_modules/**/{README,CHANGELOG,HISTORY}*',
    '!node_modules/**/*.{md,markdown,ts,cts,mts,map,tsbuildinfo}',
    '!node_modules/**/{test,tests,__tests__,docs,example,examples,benchmark,.github}/**',
    // better-sqlite3: only this platform's prebuilt binary, not its C sources or the others'.
    '!node_modules/better-sqlite3/{deps,src,build}/**',
    '!node_modules/better-sqlite3/prebuilds/**',
    'node_modules/better-sqlite3/prebuilds/${platform}-${arch}.node',
    // GramJS's optional WebSocket speed-ups: this platform's prebuilds only (they fall back to JS without).
    '!node_modules/{bufferutil,utf-8-validate}/{prebuilds,src}/**',
    'node_modules/{bufferutil,utf-8-validate}/prebuilds/${platform}-*/**',
    // date-fns (behind the log file's rotation) is loaded as CommonJS with its default English locale only.
    '!node_modules/date-fns/fp/**',
    '!node_modules/date-fns/locale/**',
    'node_modules/date-fns/locale/{en-US,_lib}/**',
    'node_modules/date-fns/locale/en-US.{js,cjs}',
    // zod's TypeScript sources are not used at run time (its v3 layer is: the MCP SDK imports zod/v3).
    '!node_modules/zod/src/**',
  ],
  // Native code cannot load from inside an asar: better-sqlite3's binary, sharp and libvips (whose
  // versioned `libvips-cpp.so.8.x.y` smart-unpacking does not recognise) stay beside it on disk.
  asarUnpack: ['**/*.node', 'node_modules/sharp/**', 'node_modules/@img/**'],
  electronFuses: FUSES,
  protocols: [{ name: 'Scrollback message link', schemes: ['scrollback'] }],
  publish: RELEASES,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Utility',
    icon: 'icons',
    executableName: 'scrollback',
    synopsis: 'Browse, search, back up and export chat history',
    desktop: { entry: { StartupWMClass: 'Scrollback' } },
  },
  // The deb links /usr/bin/scrollback to the app binary, which answers `scrollback chats` etc. itself.
  deb: { packageCategory: 'utils' },
  mac: {
    target: ['dmg', 'zip'],
    category: 'public.app-category.productivity',
    icon: 'icon.png',
    hardenedRuntime: true,
    entitlements: 'packaging/mac/entitlements.plist',
    entitlementsInherit: 'packaging/mac/entitlements.plist',
  },
  win: { target: ['nsis'], icon: 'icon.png' },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    differentialPackage: true,
    // Puts a `scrollback` command shim on the user's PATH (and takes it away on uninstall).
    include: 'packaging/windows/installer.nsh',
  },
};

export default config;
