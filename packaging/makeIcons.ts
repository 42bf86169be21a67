// Makes every icon the installers need from the one source image, packaging/icon.svg, into out/build (the
// packer's build resources, never packed into the app): icon.png at 1024 px (electron-builder derives the
// macOS .icns and the Windows .ico from it) and icons/<size>x<size>.png for Linux's icon theme.
// Usage: node packaging/makeIcons.ts [outFolder]
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/** The sizes Linux desktops look for in an icon theme. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

export async function makeIcons(svgFile: string, outFolder: string): Promise<string[]> {
  const svg = fs.readFileSync(svgFile);
  fs.mkdirSync(path.join(outFolder, 'icons'), { recursive: true });
  const appIcon = path.join(outFolder, 'icon.png');
  const written = [appIcon];
  await sharp(svg, { density: 300 }).resize(1024, 1024).png().toFile(appIcon);
  for (const size of LINUX_ICON_SIZES) {
    const file = path.join(outFolder, 'icons', `${size}x${size}.png`);
    await sharp(svg, { density: 300 }).resize(size, size).png().toFile(file);
    written.push(file);
  }
  return written;
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..');
  const outFolder = path.resolve(process.argv[2] ?? path.join(root, 'out/build'));
  const written = await makeIcons(path.join(root, 'packaging/icon.svg'), outFolder);
  process.stdout.write(`icons: ${written.length} files in ${path.relative(root, outFolder) || '.'}\n`);
}
