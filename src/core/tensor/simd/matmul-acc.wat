;; C += A · B in float32 with WebAssembly SIMD (4 lanes): the fast path of matmul in ../matmul.ts.
;; A is M×K, B is K×N, C is M×N, all row-major; pointers are byte offsets into `memory`.
;;
;; The same loop as the JavaScript kernel (i-k-j order, zeros skipped):
;;   for each row m, for each k with s = A[m][k] ≠ 0:   C[m][:] += s · B[k][:]
;; The inner loop adds four neighbouring C values per instruction (f32x4), then finishes the
;; last N mod 4 one by one. -0 compares equal to 0, so it is skipped too; NaN is not.
;;
;; Rebuild the embedded bytes after editing (wat2wasm is in Debian's "wabt" package):
;;   wat2wasm src/core/tensor/simd/matmul-acc.wat --output=- | base64 -w0
;; and paste the output into ./matmul-acc-wasm.ts (a test checks that they agree).
(module
  (memory (export "memory") 1)

  (func (export "matmul_acc")
    (param $a i32) (param $b i32) (param $c i32) (param $M i32) (param $N i32) (param $K i32)
    (local $rowA i32) (local $endA i32) (local $endRowA i32) (local $rowC i32)
    (local $p i32) (local $rowB i32) (local $j i32) (local $nBytes i32) (local $n4Bytes i32)
    (local $s f32) (local $sv v128)
    (local.set $nBytes (i32.shl (local.get $N) (i32.const 2)))
    (local.set $n4Bytes (i32.and (local.get $nBytes) (i32.const -16)))
    (local.set $rowA (local.get $a))
    (local.set $rowC (local.get $c))
    (local.set $endA (i32.add (local.get $a) (i32.shl (i32.mul (local.get $M) (local.get $K)) (i32.const 2))))
    (block $rowsDone (loop $rows
      (br_if $rowsDone (i32.ge_u (local.get $rowA) (local.get $endA)))
      (local.set $endRowA (i32.add (local.get $rowA) (i32.shl (local.get $K) (i32.const 2))))
      (local.set $p (local.get $rowA))
      (local.set $rowB (local.get $b))
      (block $ksDone (loop $ks
        (br_if $ksDone (i32.ge_u (local.get $p) (local.get $endRowA)))
        (local.set $s (f32.load (local.get $p)))
        (if (f32.ne (local.get $s) (f32.const 0))
          (then
            (local.set $sv (f32x4.splat (local.get $s)))
            (local.set $j (i32.const 0))
            ;; C[m][j..j+3] += s · B[k][j..j+3]
            (block $vecDone (loop $vec
              (br_if $vecDone (i32.ge_u (local.get $j) (local.get $n4Bytes)))
              (v128.store (i32.add (local.get $rowC) (local.get $j))
                (f32x4.add
                  (v128.load (i32.add (local.get $rowC) (local.get $j)))
                  (f32x4.mul (local.get $sv) (v128.load (i32.add (local.get $rowB) (local.get $j))))))
              (local.set $j (i32.add (local.get $j) (i32.const 16)))
              (br $vec)))
            ;; the last N mod 4 columns
            (block $tailDone (loop $tail
              (br_if $tailDone (i32.ge_u (local.get $j) (local.get $nBytes)))
              (f32.store (i32.add (local.get $rowC) (local.get $j))
                (f32.add
                  (f32.load (i32.add (local.get $rowC) (local.get $j)))
                  (f32.mul (local.get $s) (f32.load (i32.add (local.get $rowB) (local.get $j))))))
              (local.set $j (i32.add (local.get $j) (i32.const 4)))
              (br $tail)))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $rowB (i32.add (local.get $rowB) (local.get $nBytes)))
        (br $ks)))
      (local.set $rowA (local.get $endRowA))
      (local.set $rowC (i32.add (local.get $rowC) (local.get $nBytes)))
      (br $rows)))))
