// A plain zip writer (deflate, no encryption, no zip64) for the extension's few small
// files: Node's own zlib does the compressing and the checksums, so no dependency is needed.
import { crc32, deflateRawSync } from 'node:zlib'

/** Zip bytes of `files` ({ name: 'a/b.js', data: Buffer }), in the given order, dated 1 Jan 1980 so builds are reproducible. */
export function zipFiles(files) {
  const locals = []
  const centrals = []
  let offset = 0
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8')
    const packed = deflateRawSync(file.data, { level: 9 })
    const crc = crc32(file.data)
    const common = Buffer.alloc(26)
    common.writeUInt16LE(20, 0) // version needed
    common.writeUInt16LE(0x0800, 2) // UTF-8 names
    common.writeUInt16LE(8, 4) // deflate
    common.writeUInt16LE(0, 6) // time
    common.writeUInt16LE((0 << 9) | (1 << 5) | 1, 8) // 1980-01-01
    common.writeUInt32LE(crc, 10)
    common.writeUInt32LE(packed.length, 14)
    common.writeUInt32LE(file.data.length, 18)
    common.writeUInt16LE(name.length, 22)
    common.writeUInt16LE(0, 24) // extra
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, name, packed])
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4) // made by
    common.copy(central, 6)
    // comment length, disk, internal and external attributes stay 0
    central.writeUInt32LE(offset, 42)
    centrals.push(Buffer.concat([central, name]))
    locals.push(local)
    offset += local.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}
