;; C = A · Bᵀ in float32 with WebAssembly SIMD (4 lanes): the fast path of matmulNT in
;; ../kernels.ts. A is M×K, B is N×K, C is M×N, all row-major; pointers are byte offsets into
;; `memory`.
;;
;; Same 4×2 blocking as the JavaScript kernel: each step of the k-loop loads 4 floats from
;; each of 4 rows of A and 2 rows of B and does 8 four-wide multiply-adds, i.e. 32 products.
;; The 8 partial sums are added across their 4 lanes at the end ($hsum); the last K mod 4
;; products are added one by one.
;;
;; When M is not a multiple of 4 or N is odd, the last block reads up to 3 rows past A or one
;; row past B (the caller leaves 4 rows of slack after each) and skips storing those results.
;;
;; Rebuild the embedded bytes after editing (wat2wasm is in Debian's "wabt" package):
;;   wat2wasm src/core/charlm/simd/matmul-nt.wat --output=- | base64 -w0
;; and paste the output into ./matmul-nt-wasm.ts (a test checks that they agree).
(module
  (memory (export "memory") 1)

  ;; v[0] + v[1] + v[2] + v[3]
  (func $hsum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  ;; The sum of products a[k] * b[k] for k in [from, to) (byte offsets), added to s.
  (func $tail (param $a i32) (param $b i32) (param $from i32) (param $to i32) (param $s f32) (result f32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $from) (local.get $to)))
      (local.set $s (f32.add (local.get $s)
        (f32.mul (f32.load (i32.add (local.get $a) (local.get $from)))
                 (f32.load (i32.add (local.get $b) (local.get $from))))))
      (local.set $from (i32.add (local.get $from) (i32.const 4)))
      (br $next)))
    (local.get $s))

  ;; c[m][n] = Σ_k a[m][k] · b[n][k]
  (func (export "matmul_nt")
    (param $a i32) (param $b i32) (param $c i32) (param $M i32) (param $N i32) (param $K i32)
    (local $m i32) (local $n i32) (local $k i32) (local $row i32) (local $row4 i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $b0 i32) (local $b1 i32) (local $cp i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $u v128) (local $w v128)
    ;; bytes per row, and the bytes covered by whole groups of 4 floats
    (local.set $row (i32.shl (local.get $K) (i32.const 2)))
    (local.set $row4 (i32.and (local.get $row) (i32.const -16)))
    (block $mdone (loop $mloop
      (br_if $mdone (i32.ge_u (local.get $m) (local.get $M)))
      ;; rows m..m+3 of A
      (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $m) (local.get $row))))
      (local.set $a1 (i32.add (local.get $a0) (local.get $row)))
      (local.set $a2 (i32.add (local.get $a1) (local.get $row)))
      (local.set $a3 (i32.add (local.get $a2) (local.get $row)))
      (local.set $n (i32.const 0))
      (block $ndone (loop $nloop
        (br_if $ndone (i32.ge_u (local.get $n) (local.get $N)))
        ;; rows n, n+1 of B
        (local.set $b0 (i32.add (local.get $b) (i32.mul (local.get $n) (local.get $row))))
        (local.set $b1 (i32.add (local.get $b0) (local.get $row)))
        (local.set $s0 (v128.const i32x4 0 0 0 0)) (local.set $s1 (v128.const i32x4 0 0 0 0))
        (local.set $s2 (v128.const i32x4 0 0 0 0)) (local.set $s3 (v128.const i32x4 0 0 0 0))
        (local.set $t0 (v128.const i32x4 0 0 0 0)) (local.set $t1 (v128.const i32x4 0 0 0 0))
        (local.set $t2 (v128.const i32x4 0 0 0 0)) (local.set $t3 (v128.const i32x4 0 0 0 0))
        (local.set $k (i32.const 0))
        (block $kdone (loop $kloop
          (br_if $kdone (i32.ge_u (local.get $k) (local.get $row4)))
          (local.set $u (v128.load (i32.add (local.get $b0) (local.get $k))))
          (local.set $w (v128.load (i32.add (local.get $b1) (local.get $k))))
          (local.set $x0 (v128.load (i32.add (local.get $a0) (local.get $k))))
          (local.set $x1 (v128.load (i32.add (local.get $a1) (local.get $k))))
          (local.set $x2 (v128.load (i32.add (local.get $a2) (local.get $k))))
          (local.set $x3 (v128.load (i32.add (local.get $a3) (local.get $k))))
          (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $x0) (local.get $u))))
          (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $x1) (local.get $u))))
          (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.get $x2) (local.get $u))))
          (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (local.get $x3) (local.get $u))))
          (local.set $t0 (f32x4.add (local.get $t0) (f32x4.mul (local.get $x0) (local.get $w))))
          (local.set $t1 (f32x4.add (local.get $t1) (f32x4.mul (local.get $x1) (local.get $w))))
          (local.set $t2 (f32x4.add (local.get $t2) (f32x4.mul (local.get $x2) (local.get $w))))
          (local.set $t3 (f32x4.add (local.get $t3) (f32x4.mul (local.get $x3) (local.get $w))))
          (local.set $k (i32.add (local.get $k) (i32.const 16)))
          (br $kloop)))
        ;; c[m+i][n] = hsum(s_i) + tail, c[m+i][n+1] = hsum(t_i) + tail, for rows/columns that exist
        (local.set $cp (i32.add (local.get $c)
          (i32.shl (i32.add (i32.mul (local.get $m) (local.get $N)) (local.get $n)) (i32.const 2))))
        (f32.store (local.get $cp) (call $tail (local.get $a0) (local.get $b0) (local.get $row4) (local.get $row) (call $hsum (local.get $s0))))
        (if (i32.lt_u (i32.add (local.get $n) (i32.const 1)) (local.get $N)) (then
          (f32.store offset=4 (local.get $cp) (call $tail (local.get $a0) (local.get $b1) (local.get $row4) (local.get $row) (call $hsum (local.get $t0))))))
        (if (i32.lt_u (i32.add (local.get $m) (i32.const 1)) (local.get $M)) (then
          (local.set $cp (i32.add (local.get $cp) (i32.shl (local.get $N) (i32.const 2))))
          (f32.store (local.get $cp) (call $tail (local.get $a1) (local.get $b0) (local.get $row4) (local.get $row) (call $hsum (local.get $s1))))
          (if (i32.lt_u (i32.add (local.get $n) (i32.const 1)) (local.get $N)) (then
            (f32.store offset=4 (local.get $cp) (call $tail (local.get $a1) (local.get $b1) (local.get $row4) (local.get $row) (call $hsum (local.get $t1))))))))
        (if (i32.lt_u (i32.add (local.get $m) (i32.const 2)) (local.get $M)) (then
          (local.set $cp (i32.add (local.get $cp) (i32.shl (local.get $N) (i32.const 2))))
          (f32.store (local.get $cp) (call $tail (local.get $a2) (local.get $b0) (local.get $row4) (local.get $row) (call $hsum (local.get $s2))))
          (if (i32.lt_u (i32.add (local.get $n) (i32.const 1)) (local.get $N)) (then
            (f32.store offset=4 (local.get $cp) (call $tail (local.get $a2) (local.get $b1) (local.get $row4) (local.get $row) (call $hsum (local.get $t2))))))))
        (if (i32.lt_u (i32.add (local.get $m) (i32.const 3)) (local.get $M)) (then
          (local.set $cp (i32.add (local.get $cp) (i32.shl (local.get $N) (i32.const 2))))
          (f32.store (local.get $cp) (call $tail (local.get $a3) (local.get $b0) (local.get $row4) (local.get $row) (call $hsum (local.get $s3))))
          (if (i32.lt_u (i32.add (local.get $n) (i32.const 1)) (local.get $N)) (then
            (f32.store offset=4 (local.get $cp) (call $tail (local.get $a3) (local.get $b1) (local.get $row4) (local.get $row) (call $hsum (local.get $t3))))))))
        (local.set $n (i32.add (local.get $n) (i32.const 2)))
        (br $nloop)))
      (local.set $m (i32.add (local.get $m) (i32.const 4)))
      (br $mloop)))))
