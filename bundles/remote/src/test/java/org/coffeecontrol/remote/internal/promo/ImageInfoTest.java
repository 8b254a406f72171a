package org.coffeecontrol.remote.internal.promo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ImageInfoTest {

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @Test
    void readsTheSizeOfEveryFormatFromItsHeader() throws IOException {
        assertEquals(new ImageInfo("png", 640, 480), ImageInfo.read(image("png", 640, 480)).orElseThrow());
        assertEquals(new ImageInfo("jpeg", 1920, 1080), ImageInfo.read(image("jpg", 1920, 1080)).orElseThrow());
        assertEquals(new ImageInfo("gif", 33, 17), ImageInfo.read(image("gif", 33, 17)).orElseThrow());
        assertEquals(new ImageInfo("bmp", 100, 50), ImageInfo.read(image("bmp", 100, 50)).orElseThrow());
    }

    @Test
    void anythingElseIsNoImage() throws IOException {
        assertTrue(ImageInfo.read("#!/bin/sh\nrm -rf /\n# padding padding padding".getBytes()).isEmpty());
        assertTrue(ImageInfo.read(new byte[0]).isEmpty());
        assertTrue(ImageInfo.read(null).isEmpty());
        byte[] png = image("png", 10, 10);
        assertTrue(ImageInfo.read(Arrays.copyOf(png, 20)).isEmpty(), "cut before the size");
        byte[] jpeg = image("jpg", 10, 10);
        assertTrue(ImageInfo.read(Arrays.copyOf(jpeg, 30)).isEmpty(), "cut before the frame header");
    }
}
