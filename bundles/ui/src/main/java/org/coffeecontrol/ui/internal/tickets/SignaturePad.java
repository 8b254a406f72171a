package org.coffeecontrol.ui.internal.tickets;

import java.util.Base64;
import java.util.function.Consumer;

import com.vaadin.flow.component.html.Div;

/**
 * A canvas the customer signs on with finger or mouse. The drawing stays in the browser until {@link #read} asks
 * for it as a PNG; no frontend build is needed, the handlers are installed with {@code executeJs}.
 */
public class SignaturePad extends Div {
    private static final long serialVersionUID = 1L;

    public SignaturePad() {
        getStyle().set("border", "1px solid var(--lumo-contrast-40pct)").set("border-radius", "4px")
                .set("width", "100%").set("max-width", "360px").set("height", "160px").set("touch-action", "none")
                .set("background", "white");
        getElement().executeJs("""
                const host = this;
                const c = document.createElement('canvas');
                c.style.width = '100%'; c.style.height = '100%'; c.style.display = 'block';
                host.appendChild(c);
                const fit = () => { const r = host.getBoundingClientRect();
                  if (r.width > 0 && c.width !== Math.round(r.width)) { c.width = Math.round(r.width); c.height = Math.round(r.height); } };
                fit(); new ResizeObserver(fit).observe(host);
                const g = c.getContext('2d'); let down = false; host.$strokes = 0;
                const at = e => { const r = c.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
                c.addEventListener('pointerdown', e => { down = true; g.lineWidth = 2; g.lineCap = 'round'; g.beginPath();
                  const [x, y] = at(e); g.moveTo(x, y); c.setPointerCapture(e.pointerId); });
                c.addEventListener('pointermove', e => { if (!down) return; const [x, y] = at(e); g.lineTo(x, y); g.stroke(); host.$strokes++; });
                c.addEventListener('pointerup', () => { down = false; });
                host.$clear = () => { g.clearRect(0, 0, c.width, c.height); host.$strokes = 0; };
                """);
    }

    public void clear() {
        getElement().executeJs("this.$clear && this.$clear()");
    }

    /** Hands the PNG to {@code png}, or null when nothing was drawn. */
    public void read(Consumer<byte[]> png) {
        getElement().executeJs("return this.$strokes > 0 ? this.querySelector('canvas').toDataURL('image/png') : ''")
                .then(String.class, url -> png.accept(url == null || url.isEmpty() ? null
                        : Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))));
    }
}
