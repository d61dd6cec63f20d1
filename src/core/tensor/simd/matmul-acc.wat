;; C += A · B in float32 with WebAssembly SIMD (4 lanes): the fast path of matmul in ../matmul.ts.
;; A is M×K, B is K×N, C is M×N, all row-major; pointers are byte offsets into `memory`.
;;
;; The same algorithm as the JavaScript kernel (i-k-j order, zeros skipped), for each row m:
;;   1. list the non-zero s = A[m][k], each with the address of row k of B ($list: 8 bytes per
;;      entry, f32 s then i32 address; the caller reserves 8·K bytes there);
;;   2. add the scaled rows four entries at a time:
;;        C[m][:] += s0·B[k0][:] + s1·B[k1][:] + s2·B[k2][:] + s3·B[k3][:]
;;      so C's row is loaded and stored once per four rows of B, then the last (count mod 4)
;;      entries one at a time.
;; The inner loops add four neighbouring C values per instruction (f32x4), then finish the last
;; N mod 4 one by one. -0 compares equal to 0, so it is skipped too; NaN is not.
;;
;; Rebuild the embedded bytes after editing (wat2wasm is in Debian's "wabt" package):
;;   wat2wasm src/core/tensor/simd/matmul-acc.wat --output=- | base64 -w0
;; and paste the output into ./matmul-acc-wasm.ts (a test checks that they agree).
(module
  (memory (export "memory") 1)

  (func (export "matmul_acc")
    (param $a i32) (param $b i32) (param $c i32) (param $M i32) (param $N i32) (param $K i32) (param $list i32)
    (local $rowA i32) (local $endA i32) (local $endRowA i32) (local $rowC i32)
    (local $p i32) (local $rowB i32) (local $j i32) (local $nBytes i32) (local $n4Bytes i32)
    (local $e i32) (local $listEnd i32)
    (local $s0 f32) (local $s1 f32) (local $s2 f32) (local $s3 f32)
    (local $b0 i32) (local $b1 i32) (local $b2 i32) (local $b3 i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local.set $nBytes (i32.shl (local.get $N) (i32.const 2)))
    (local.set $n4Bytes (i32.and (local.get $nBytes) (i32.const -16)))
    (local.set $rowA (local.get $a))
    (local.set $rowC (local.get $c))
    (local.set $endA (i32.add (local.get $a) (i32.shl (i32.mul (local.get $M) (local.get $K)) (i32.const 2))))
    (block $rowsDone (loop $rows
      (br_if $rowsDone (i32.ge_u (local.get $rowA) (local.get $endA)))
      (local.set $endRowA (i32.add (local.get $rowA) (i32.shl (local.get $K) (i32.const 2))))

      ;; 1. the list of (A[m][k], address of row k of B) for the non-zero A[m][k]
      (local.set $p (local.get $rowA))
      (local.set $rowB (local.get $b))
      (local.set $listEnd (local.get $list))
      (block $ksDone (loop $ks
        (br_if $ksDone (i32.ge_u (local.get $p) (local.get $endRowA)))
        (local.set $s0 (f32.load (local.get $p)))
        (if (f32.ne (local.get $s0) (f32.const 0))
          (then
            (f32.store (local.get $listEnd) (local.get $s0))
            (i32.store offset=4 (local.get $listEnd) (local.get $rowB))
            (local.set $listEnd (i32.add (local.get $listEnd) (i32.const 8)))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $rowB (i32.add (local.get $rowB) (local.get $nBytes)))
        (br $ks)))

      ;; 2a. four entries at a time, while four are left
      (local.set $e (local.get $list))
      (block $quadsDone (loop $quads
        (br_if $quadsDone (i32.gt_u (i32.add (local.get $e) (i32.const 32)) (local.get $listEnd)))
        (local.set $s0 (f32.load (local.get $e)))
        (local.set $b0 (i32.load offset=4 (local.get $e)))
        (local.set $s1 (f32.load offset=8 (local.get $e)))
        (local.set $b1 (i32.load offset=12 (local.get $e)))
        (local.set $s2 (f32.load offset=16 (local.get $e)))
        (local.set $b2 (i32.load offset=20 (local.get $e)))
        (local.set $s3 (f32.load offset=24 (local.get $e)))
        (local.set $b3 (i32.load offset=28 (local.get $e)))
        (local.set $v0 (f32x4.splat (local.get $s0)))
        (local.set $v1 (f32x4.splat (local.get $s1)))
        (local.set $v2 (f32x4.splat (local.get $s2)))
        (local.set $v3 (f32x4.splat (local.get $s3)))
        (local.set $j (i32.const 0))
        ;; C[m][j..j+3] += s0·B[k0][j..j+3] + s1·B[k1][j..j+3] + s2·B[k2][j..j+3] + s3·B[k3][j..j+3]
        (block $vecDone (loop $vec
          (br_if $vecDone (i32.ge_u (local.get $j) (local.get $n4Bytes)))
          (v128.store (i32.add (local.get $rowC) (local.get $j))
            (f32x4.add
              (f32x4.add
                (f32x4.add
                  (f32x4.add
                    (v128.load (i32.add (local.get $rowC) (local.get $j)))
                    (f32x4.mul (local.get $v0) (v128.load (i32.add (local.get $b0) (local.get $j)))))
                  (f32x4.mul (local.get $v1) (v128.load (i32.add (local.get $b1) (local.get $j)))))
                (f32x4.mul (local.get $v2) (v128.load (i32.add (local.get $b2) (local.get $j)))))
              (f32x4.mul (local.get $v3) (v128.load (i32.add (local.get $b3) (local.get $j))))))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br $vec)))
        ;; the last N mod 4 columns
        (block $tailDone (loop $tail
          (br_if $tailDone (i32.ge_u (local.get $j) (local.get $nBytes)))
          (f32.store (i32.add (local.get $rowC) (local.get $j))
            (f32.add
              (f32.add
                (f32.add
                  (f32.add
                    (f32.load (i32.add (local.get $rowC) (local.get $j)))
                    (f32.mul (local.get $s0) (f32.load (i32.add (local.get $b0) (local.get $j)))))
                  (f32.mul (local.get $s1) (f32.load (i32.add (local.get $b1) (local.get $j)))))
                (f32.mul (local.get $s2) (f32.load (i32.add (local.get $b2) (local.get $j)))))
              (f32.mul (local.get $s3) (f32.load (i32.add (local.get $b3) (local.get $j))))))
          (local.set $j (i32.add (local.get $j) (i32.const 4)))
          (br $tail)))
        (local.set $e (i32.add (local.get $e) (i32.const 32)))
        (br $quads)))

      ;; 2b. the last (count mod 4) entries, one at a time: C[m][:] += s·B[k][:]
      (block $singlesDone (loop $singles
        (br_if $singlesDone (i32.ge_u (local.get $e) (local.get $listEnd)))
        (local.set $s0 (f32.load (local.get $e)))
        (local.set $b0 (i32.load offset=4 (local.get $e)))
        (local.set $v0 (f32x4.splat (local.get $s0)))
        (local.set $j (i32.const 0))
        (block $vec1Done (loop $vec1
          (br_if $vec1Done (i32.ge_u (local.get $j) (local.get $n4Bytes)))
          (v128.store (i32.add (local.get $rowC) (local.get $j))
            (f32x4.add
              (v128.load (i32.add (local.get $rowC) (local.get $j)))
              (f32x4.mul (local.get $v0) (v128.load (i32.add (local.get $b0) (local.get $j))))))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br $vec1)))
        (block $tail1Done (loop $tail1
          (br_if $tail1Done (i32.ge_u (local.get $j) (local.get $nBytes)))
          (f32.store (i32.add (local.get $rowC) (local.get $j))
            (f32.add
              (f32.load (i32.add (local.get $rowC) (local.get $j)))
              (f32.mul (local.get $s0) (f32.load (i32.add (local.get $b0) (local.get $j))))))
          (local.set $j (i32.add (local.get $j) (i32.const 4)))
          (br $tail1)))
        (local.set $e (i32.add (local.get $e) (i32.const 8)))
        (br $singles)))

      (local.set $rowA (local.get $endRowA))
      (local.set $rowC (i32.add (local.get $rowC) (local.get $nBytes)))
      (br $rows)))))
