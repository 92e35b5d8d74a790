package dev.credkit.json;

import java.math.BigInteger;

/**
 * ECMAScript {@code Number.prototype.toString} for finite doubles (ECMA-262 Number::toString,
 * which RFC 8785 §3.2.2.3 mandates). Java 17's {@link Double#toString(double)} is not always
 * the shortest (e.g. {@code 2.0E-3} is fine, but {@code 5.0E-324} comes out as
 * {@code 4.9E-324}), so the digits are generated here.
 *
 * <p>Digits: Burger and Dybvig's free-format algorithm ("Printing Floating-Point Numbers Quickly
 * and Accurately", PLDI 1996) with exact integer arithmetic, which yields the shortest digit
 * string that reads back as the same double and, of those, the one closest to the exact value
 * (ties to an even last digit, as ECMA-262 asks). The arithmetic runs on {@code long} when the
 * scaled values fit (typical numbers) and on {@link BigInteger} otherwise. Integers below 2^53
 * take a direct path.
 */
final class EcmaNumber {
    /** Longest output: "-" + 17 digits + "." + "e-324" fits, as does "-0.00000" + 17 digits. */
    static final int MAX_LENGTH = 32;

    private static final long TWO_POW_53 = 1L << 53;
    private static final long HIDDEN_BIT = 1L << 52;
    private static final int MAX_POW10 = 350;
    /** 10^0 .. 10^349: constant, computed once. */
    private static final BigInteger[] POW10 = new BigInteger[MAX_POW10];

    static {
        POW10[0] = BigInteger.ONE;
        for (int i = 1; i < MAX_POW10; i++) {
            POW10[i] = POW10[i - 1].multiply(BigInteger.TEN);
        }
    }

    private EcmaNumber() {
    }

    static String toString(double value) {
        byte[] buf = new byte[MAX_LENGTH];
        int len = format(value, buf, 0);
        return new String(buf, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes the ASCII form of a finite {@code value} into {@code dst} at {@code pos} (at least
     * {@link #MAX_LENGTH} bytes free) and returns the position after it.
     *
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot represent
     */
    static int format(double value, byte[] dst, int pos) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("NaN and infinities have no JSON form");
        }
        if (value == 0) {
            dst[pos] = '0'; // also -0
            return pos + 1;
        }
        if (value < 0) {
            dst[pos++] = '-';
            value = -value;
        }
        if (value < TWO_POW_53 && value == Math.rint(value)) {
            // an integer with ulp <= 1: its own digits are the shortest that round-trip
            return writeLong((long) value, dst, pos);
        }
        byte[] digits = new byte[20];
        long packed = shortestDigits(value, digits);
        int count = (int) (packed >>> 32);
        int exponent = (int) packed; // value = 0.d1d2...dcount x 10^exponent
        return layout(digits, count, exponent, dst, pos);
    }

    /** ECMA-262 Number::toString steps 6-10, with n = {@code n} and k = {@code k} digits. */
    private static int layout(byte[] digits, int k, int n, byte[] dst, int pos) {
        if (k <= n && n <= 21) {
            for (int i = 0; i < k; i++) {
                dst[pos++] = (byte) ('0' + digits[i]);
            }
            for (int i = k; i < n; i++) {
                dst[pos++] = '0';
            }
        } else if (0 < n && n <= 21) {
            for (int i = 0; i < n; i++) {
                dst[pos++] = (byte) ('0' + digits[i]);
            }
            dst[pos++] = '.';
            for (int i = n; i < k; i++) {
                dst[pos++] = (byte) ('0' + digits[i]);
            }
        } else if (-6 < n && n <= 0) {
            dst[pos++] = '0';
            dst[pos++] = '.';
            for (int i = n; i < 0; i++) {
                dst[pos++] = '0';
            }
            for (int i = 0; i < k; i++) {
                dst[pos++] = (byte) ('0' + digits[i]);
            }
        } else {
            dst[pos++] = (byte) ('0' + digits[0]);
            if (k > 1) {
                dst[pos++] = '.';
                for (int i = 1; i < k; i++) {
                    dst[pos++] = (byte) ('0' + digits[i]);
                }
            }
            dst[pos++] = 'e';
            int e = n - 1;
            dst[pos++] = (byte) (e < 0 ? '-' : '+');
            pos = writeLong(Math.abs(e), dst, pos);
        }
        return pos;
    }

    private static int writeLong(long v, byte[] dst, int pos) {
        if (v == 0) {
            dst[pos] = '0';
            return pos + 1;
        }
        int len = 0;
        for (long t = v; t > 0; t /= 10) {
            len++;
        }
        for (int i = pos + len - 1; i >= pos; i--) {
            dst[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        return pos + len;
    }

    /**
     * Generates the shortest, closest digits of a positive finite {@code v} into
     * {@code digits}; returns (count &lt;&lt; 32) | (exponent &amp; 0xFFFFFFFF) with
     * v ≈ 0.d1d2... × 10^exponent.
     */
    private static long shortestDigits(double v, byte[] digits) {
        long bits = Double.doubleToRawLongBits(v);
        int biasedExponent = (int) (bits >>> 52) & 0x7FF;
        long f = bits & (HIDDEN_BIT - 1);
        int e;
        if (biasedExponent == 0) {
            e = -1074; // subnormal
        } else {
            f |= HIDDEN_BIT;
            e = biasedExponent - 1075;
        }
        // A decimal exactly halfway to a neighbour reads back (round half to even) as v only
        // when v's significand is even: then the interval bounds are inclusive.
        boolean inclusive = (f & 1) == 0;
        // The gap below is half the gap above when f is the smallest normal significand of
        // its binade (except in the lowest binade, which borders on the equally spaced subnormals).
        boolean unequalGaps = f == HIDDEN_BIT && biasedExponent > 1;

        // v = r / s, the high gap is mPlus / s, the low gap mMinus / s (all times 2 for halves)
        BigInteger r;
        BigInteger s;
        BigInteger mPlus;
        BigInteger mMinus;
        if (e >= 0) {
            BigInteger be = BigInteger.ONE.shiftLeft(e);
            if (!unequalGaps) {
                r = BigInteger.valueOf(f).shiftLeft(e + 1);
                s = BigInteger.TWO;
                mPlus = be;
                mMinus = be;
            } else {
                r = BigInteger.valueOf(f).shiftLeft(e + 2);
                s = BigInteger.valueOf(4);
                mPlus = be.shiftLeft(1);
                mMinus = be;
            }
        } else {
            if (!unequalGaps) {
                r = BigInteger.valueOf(f << 1);
                s = BigInteger.ONE.shiftLeft(1 - e);
                mPlus = BigInteger.ONE;
                mMinus = BigInteger.ONE;
            } else {
                r = BigInteger.valueOf(f << 2);
                s = BigInteger.ONE.shiftLeft(2 - e);
                mPlus = BigInteger.TWO;
                mMinus = BigInteger.ONE;
            }
        }

        // Scale by 10^k so that the high bound is below 1 (or at most 1 when exclusive), with k
        // as small as possible; the logarithm estimate is off by at most one, fixed up below.
        int k = (int) Math.ceil(Math.log10(v) - 1e-10);
        if (k >= 0) {
            s = s.multiply(POW10[k]);
        } else {
            BigInteger scale = POW10[-k];
            r = r.multiply(scale);
            mPlus = mPlus.multiply(scale);
            mMinus = mMinus.multiply(scale);
        }
        while (highReached(r.add(mPlus).compareTo(s), inclusive)) {
            s = s.multiply(BigInteger.TEN);
            k++;
        }
        while (!highReached(r.add(mPlus).multiply(BigInteger.TEN).compareTo(s), inclusive)) {
            r = r.multiply(BigInteger.TEN);
            mPlus = mPlus.multiply(BigInteger.TEN);
            mMinus = mMinus.multiply(BigInteger.TEN);
            k--;
        }

        int count;
        if (s.bitLength() <= 58) {
            // 10 * (r + mPlus) < 20 * s < 2^63: the whole loop fits in long arithmetic
            count = generate(r.longValueExact(), s.longValueExact(), mPlus.longValueExact(),
                    mMinus.longValueExact(), inclusive, digits);
        } else {
            count = generate(r, s, mPlus, mMinus, inclusive, digits);
        }
        return ((long) count << 32) | (k & 0xFFFFFFFFL);
    }

    private static boolean highReached(int comparison, boolean inclusive) {
        return inclusive ? comparison >= 0 : comparison > 0;
    }

    private static boolean lowReached(int comparison, boolean inclusive) {
        return inclusive ? comparison <= 0 : comparison < 0;
    }

    private static int generate(long r, long s, long mPlus, long mMinus, boolean inclusive, byte[] digits) {
        int count = 0;
        while (true) {
            r *= 10;
            mPlus *= 10;
            mMinus *= 10;
            int d = (int) (r / s);
            r %= s;
            boolean low = lowReached(Long.compare(r, mMinus), inclusive);
            boolean high = highReached(Long.compare(r + mPlus, s), inclusive);
            if (!low && !high) {
                digits[count++] = (byte) d;
                continue;
            }
            digits[count++] = (byte) lastDigit(d, low, high, Long.compare(2 * r, s));
            return count;
        }
    }

    private static int generate(BigInteger r, BigInteger s, BigInteger mPlus, BigInteger mMinus,
            boolean inclusive, byte[] digits) {
        int count = 0;
        while (true) {
            BigInteger[] qr = r.multiply(BigInteger.TEN).divideAndRemainder(s);
            int d = qr[0].intValue();
            r = qr[1];
            mPlus = mPlus.multiply(BigInteger.TEN);
            mMinus = mMinus.multiply(BigInteger.TEN);
            boolean low = lowReached(r.compareTo(mMinus), inclusive);
            boolean high = highReached(r.add(mPlus).compareTo(s), inclusive);
            if (!low && !high) {
                digits[count++] = (byte) d;
                continue;
            }
            digits[count++] = (byte) lastDigit(d, low, high, r.shiftLeft(1).compareTo(s));
            return count;
        }
    }

    /**
     * The last digit: {@code d} when only rounding down stays in the interval, {@code d + 1} when
     * only rounding up does, else the closer one, and on a tie the even one.
     */
    private static int lastDigit(int d, boolean low, boolean high, int twiceRemainderVsS) {
        if (low && high) {
            return twiceRemainderVsS < 0 || (twiceRemainderVsS == 0 && (d & 1) == 0) ? d : d + 1;
        }
        return low ? d : d + 1;
    }
}
