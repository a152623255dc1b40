// `npm run build`'s last step: the browser extension (out/extension/, load it unpacked;
// out/stint-extension.zip, the same files packed) and its native-messaging host
// (out/native-host/host.js, run through the launcher that installNativeHost writes).
// Each extension script is one self-contained file: content scripts cannot import modules.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { build } from 'vite'
import { zipFiles } from './zip.mjs'

const root = resolve(import.meta.dirname, '..')
const source = join(root, 'src', 'extension')
const out = join(root, 'out', 'extension')
const alias = { '@shared': join(root, 'src', 'shared') }

rmSync(out, { recursive: true, force: true })
for (const name of ['content', 'background', 'options']) {
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias },
    build: {
      outDir: out,
      emptyOutDir: false,
      target: 'chrome116',
      minify: false,
      // No eval, no remote code: one IIFE per script.
      lib: { entry: join(source, `${name}.ts`), formats: ['iife'], name: `stint_${name}`, fileName: () => `${name}.js` },
    },
  })
}
for (const file of ['manifest.json', 'options.html', 'options.css']) copyFileSync(join(source, file), join(out, file))

await build({
  configFile: false,
  logLevel: 'warn',
  resolve: { alias },
  build: {
    ssr: true,
    outDir: join(root, 'out', 'native-host'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: { host: join(root, 'src', 'main', 'native-host', 'main.ts') },
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'esm', entryFileNames: '[name].js' },
    },
  },
  ssr: { noExternal: true },
})

const files = []
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path)
    else files.push({ name: relative(out, path).split('\\').join('/'), data: readFileSync(path) })
  }
}
walk(out)
mkdirSync(join(root, 'out'), { recursive: true })
writeFileSync(join(root, 'out', 'stint-extension.zip'), zipFiles(files))
console.log(`extension: ${files.length} files in out/extension and out/stint-extension.zip; native host in out/native-host`)
