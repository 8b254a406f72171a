package org.coffeecontrol.remote.internal.promo;

import java.util.Optional;

/**
 * Format and pixel size of an image, read from its header alone: no image library, nothing decoded, so a hostile
 * file costs a few bytes of reading.
 */
record ImageInfo(String format, int width, int height) {

    /** @return empty when the bytes are no PNG, JPEG, GIF or BMP header we can read */
    static Optional<ImageInfo> read(byte[] b) {
        if (b == null || b.length < 26) {
            return Optional.empty();
        }
        if (u8(b, 0) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[12] == 'I' && b[13] == 'H'
                && b[14] == 'D' && b[15] == 'R') {
            return of("png", be32(b, 16), be32(b, 20));
        }
        if (b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return of("gif", le16(b, 6), le16(b, 8));
        }
        if (b[0] == 'B' && b[1] == 'M') {
            return of("bmp", le32(b, 18), Math.abs(le32(b, 22)));
        }
        if (u8(b, 0) == 0xFF && u8(b, 1) == 0xD8) {
            return jpeg(b);
        }
        return Optional.empty();
    }

    /** Walks the JPEG segments to the first start-of-frame, which carries the size. */
    private static Optional<ImageInfo> jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if (u8(b, i) != 0xFF) {
                return Optional.empty();
            }
            int marker = u8(b, i + 1);
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            int length = be16(b, i + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                return of("jpeg", be16(b, i + 7), be16(b, i + 5));
            }
            if (length < 2) {
                return Optional.empty();
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<ImageInfo> of(String format, long width, long height) {
        return width > 0 && height > 0 && width <= 100_000 && height <= 100_000
                ? Optional.of(new ImageInfo(format, (int) width, (int) height)) : Optional.empty();
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int be16(byte[] b, int i) {
        return u8(b, i) << 8 | u8(b, i + 1);
    }

    private static long be32(byte[] b, int i) {
        return (long) be16(b, i) << 16 | be16(b, i + 2);
    }

    private static int le16(byte[] b, int i) {
        return u8(b, i) | u8(b, i + 1) << 8;
    }

    private static int le32(byte[] b, int i) {
        return le16(b, i) | le16(b, i + 2) << 16;
    }
}
