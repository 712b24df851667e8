/**
 * Minimal ONNX protobuf writer (no dependencies): just the parts of onnx.proto needed to write
 * an inference graph with initializers. Field numbers follow onnx/onnx.proto (IR version 8).
 */

export const DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  INT32: 6,
  INT64: 7,
  FLOAT16: 10,
} as const;
export type DataTypeId = (typeof DataType)[keyof typeof DataType];

const AttrType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7 } as const;

/** Growable byte buffer with protobuf primitives. */
class Writer {
  private chunks: Uint8Array[] = [];
  private cur = new Uint8Array(1024);
  private pos = 0;
  length = 0;

  private ensure(n: number): void {
    if (this.pos + n <= this.cur.length) return;
    this.chunks.push(this.cur.subarray(0, this.pos));
    this.cur = new Uint8Array(Math.max(1024, n));
    this.pos = 0;
  }
  byte(b: number): void {
    this.ensure(1);
    this.cur[this.pos++] = b;
    this.length++;
  }
  bytes(b: Uint8Array): void {
    if (b.length > 4096) {
      this.chunks.push(this.cur.subarray(0, this.pos));
      this.chunks.push(b);
      this.cur = new Uint8Array(1024);
      this.pos = 0;
      this.length += b.length;
      return;
    }
    this.ensure(b.length);
    this.cur.set(b, this.pos);
    this.pos += b.length;
    this.length += b.length;
  }
  varint(v: number | bigint): void {
    let x = BigInt.asUintN(64, BigInt(v));
    while (x >= 0x80n) {
      this.byte(Number(x & 0x7fn) | 0x80);
      x >>= 7n;
    }
    this.byte(Number(x));
  }
  tag(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }
  finish(): Uint8Array {
    const all = [...this.chunks, this.cur.subarray(0, this.pos)];
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const c of all) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

function fieldVarint(w: Writer, field: number, v: number | bigint): void {
  w.tag(field, 0);
  w.varint(v);
}
function fieldBytes(w: Writer, field: number, b: Uint8Array): void {
  w.tag(field, 2);
  w.varint(b.length);
  w.bytes(b);
}
function fieldString(w: Writer, field: number, s: string): void {
  fieldBytes(w, field, new TextEncoder().encode(s));
}
function fieldMessage(w: Writer, field: number, build: (w: Writer) => void): void {
  const inner = new Writer();
  build(inner);
  fieldBytes(w, field, inner.finish());
}
function fieldFloat(w: Writer, field: number, f: number): void {
  w.tag(field, 5);
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, f, true);
  w.bytes(b);
}

export interface Tensor {
  name: string;
  dataType: DataTypeId;
  dims: number[];
  /** little-endian raw bytes */
  raw: Uint8Array;
  doc?: string;
}

export type AttrValue =
  | { f: number }
  | { i: number }
  | { s: string }
  | { t: Tensor }
  | { floats: number[] }
  | { ints: number[] };

export interface Node {
  op: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  domain?: string;
  attrs?: Record<string, AttrValue>;
}

export interface ValueInfo {
  name: string;
  elemType: DataTypeId;
  /** number = fixed size, string = symbolic (dim_param); undefined = unknown rank */
  shape: Array<number | string> | undefined;
}

export interface Model {
  graphName: string;
  nodes: Node[];
  initializers: Tensor[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  opsets: Array<{ domain: string; version: number }>;
  producerName: string;
  producerVersion: string;
  docString?: string;
  metadata?: Record<string, string>;
}

function writeTensor(w: Writer, t: Tensor): void {
  for (const d of t.dims) fieldVarint(w, 1, d);
  fieldVarint(w, 2, t.dataType);
  fieldString(w, 8, t.name);
  fieldBytes(w, 9, t.raw);
  if (t.doc) fieldString(w, 12, t.doc);
}

function writeAttr(w: Writer, name: string, v: AttrValue): void {
  fieldString(w, 1, name);
  if ('f' in v) {
    fieldFloat(w, 2, v.f);
    fieldVarint(w, 20, AttrType.FLOAT);
  } else if ('i' in v) {
    fieldVarint(w, 3, v.i);
    fieldVarint(w, 20, AttrType.INT);
  } else if ('s' in v) {
    fieldString(w, 4, v.s);
    fieldVarint(w, 20, AttrType.STRING);
  } else if ('t' in v) {
    fieldMessage(w, 5, (m) => writeTensor(m, v.t));
    fieldVarint(w, 20, AttrType.TENSOR);
  } else if ('floats' in v) {
    for (const f of v.floats) fieldFloat(w, 7, f);
    fieldVarint(w, 20, AttrType.FLOATS);
  } else {
    for (const i of v.ints) fieldVarint(w, 8, i);
    fieldVarint(w, 20, AttrType.INTS);
  }
}

function writeValueInfo(w: Writer, v: ValueInfo): void {
  fieldString(w, 1, v.name);
  fieldMessage(w, 2, (type) =>
    fieldMessage(type, 1, (tensor) => {
      fieldVarint(tensor, 1, v.elemType);
      if (v.shape)
      fieldMessage(tensor, 2, (shape) => {
        for (const d of v.shape!) {
          fieldMessage(shape, 1, (dim) => {
            if (typeof d === 'number') fieldVarint(dim, 1, d);
            else fieldString(dim, 2, d);
          });
        }
      });
    }),
  );
}

/** Serialises a ModelProto. */
export function encodeModel(m: Model): Uint8Array {
  const w = new Writer();
  fieldVarint(w, 1, 8); // ir_version 8 (ONNX 1.10+, opset <= 17)
  fieldString(w, 2, m.producerName);
  fieldString(w, 3, m.producerVersion);
  if (m.docString) fieldString(w, 6, m.docString);
  fieldMessage(w, 7, (g) => {
    m.nodes.forEach((n, idx) =>
      fieldMessage(g, 1, (nw) => {
        for (const i of n.inputs) fieldString(nw, 1, i);
        for (const o of n.outputs) fieldString(nw, 2, o);
        fieldString(nw, 3, n.name ?? `${n.op}_${idx}`);
        fieldString(nw, 4, n.op);
        for (const [k, v] of Object.entries(n.attrs ?? {})) fieldMessage(nw, 5, (aw) => writeAttr(aw, k, v));
        if (n.domain) fieldString(nw, 7, n.domain);
      }),
    );
    fieldString(g, 2, m.graphName);
    for (const t of m.initializers) fieldMessage(g, 5, (tw) => writeTensor(tw, t));
    for (const i of m.inputs) fieldMessage(g, 11, (vw) => writeValueInfo(vw, i));
    for (const o of m.outputs) fieldMessage(g, 12, (vw) => writeValueInfo(vw, o));
  });
  for (const o of m.opsets)
    fieldMessage(w, 8, (ow) => {
      if (o.domain) fieldString(ow, 1, o.domain);
      fieldVarint(ow, 2, o.version);
    });
  for (const [k, v] of Object.entries(m.metadata ?? {}))
    fieldMessage(w, 14, (e) => {
      fieldString(e, 1, k);
      fieldString(e, 2, v);
    });
  return w.finish();
}

// ---- tensor helpers ----

export function f32Tensor(name: string, dims: number[], data: Float32Array | number[], doc?: string): Tensor {
  const a = data instanceof Float32Array ? data : Float32Array.from(data);
  return { name, dataType: DataType.FLOAT, dims, raw: new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength)), doc };
}

export function i64Tensor(name: string, dims: number[], data: number[]): Tensor {
  const a = BigInt64Array.from(data.map((x) => BigInt(x)));
  return { name, dataType: DataType.INT64, dims, raw: new Uint8Array(a.buffer) };
}

export function i8Tensor(name: string, dims: number[], data: Int8Array, doc?: string): Tensor {
  return { name, dataType: DataType.INT8, dims, raw: new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)), doc };
}

export function u8Tensor(name: string, dims: number[], data: Uint8Array): Tensor {
  return { name, dataType: DataType.UINT8, dims, raw: new Uint8Array(data) };
}

/** float32 -> IEEE half, round to nearest even. */
export function toFloat16Bits(src: Float32Array): Uint16Array {
  const out = new Uint16Array(src.length);
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  for (let i = 0; i < src.length; i++) {
    f[0] = src[i]!;
    const x = u[0]!;
    const sign = (x >>> 16) & 0x8000;
    const exp = (x >>> 23) & 0xff;
    let mant = x & 0x7fffff;
    if (exp === 0xff) {
      out[i] = sign | 0x7c00 | (mant ? 0x200 : 0);
      continue;
    }
    let e = exp - 127 + 15;
    if (e >= 0x1f) {
      out[i] = sign | 0x7c00;
      continue;
    }
    if (e <= 0) {
      if (e < -10) {
        out[i] = sign;
        continue;
      }
      mant |= 0x800000;
      const shift = 14 - e;
      let half = mant >>> shift;
      const rem = mant & ((1 << shift) - 1);
      const mid = 1 << (shift - 1);
      if (rem > mid || (rem === mid && (half & 1))) half++;
      out[i] = sign | half;
      continue;
    }
    let half = (e << 10) | (mant >>> 13);
    const rem = mant & 0x1fff;
    if (rem > 0x1000 || (rem === 0x1000 && (half & 1))) half++;
    out[i] = sign | half;
  }
  return out;
}

export function f16Tensor(name: string, dims: number[], data: Float32Array, doc?: string): Tensor {
  const h = toFloat16Bits(data);
  return { name, dataType: DataType.FLOAT16, dims, raw: new Uint8Array(h.buffer), doc };
}
