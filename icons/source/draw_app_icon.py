"""Draws Meshwright's 1024x1024 app icon: a hexagonal mesh of nodes on an indigo-to-teal rounded square.

Regenerate the source and then the icon set, from the repository root:

    python3 icons/source/draw_app_icon.py        # needs Pillow (pip install pillow)
    ui/node_modules/.bin/tauri icon icons/source/app-icon.png --output icons
"""
import math
from pathlib import Path
from PIL import Image, ImageDraw, ImageFilter

OUTPUT = Path(__file__).with_name("app-icon.png")
S = 4  # supersampling factor for smooth edges
N = 1024 * S
img = Image.new("RGBA", (N, N), (0, 0, 0, 0))

# Body: rounded square with a macOS-style margin.
margin = 72 * S
radius = 200 * S
body = (margin, margin, N - margin, N - margin)

# Soft drop shadow under the body.
shadow = Image.new("RGBA", (N, N), (0, 0, 0, 0))
ImageDraw.Draw(shadow).rounded_rectangle(
    (body[0], body[1] + 10 * S, body[2], body[3] + 10 * S), radius, fill=(20, 16, 60, 80))
shadow = shadow.filter(ImageFilter.GaussianBlur(14 * S))
img.alpha_composite(shadow)

# Diagonal gradient, indigo (top-left) to teal (bottom-right).
top_left = (79, 70, 229)
bottom_right = (13, 148, 136)
gw = 256
small = Image.new("RGBA", (gw, gw))
px = small.load()
for y in range(gw):
    for x in range(gw):
        t = (x + y) / (2 * (gw - 1))
        t = t * t * (3 - 2 * t)  # smoothstep for an even blend
        px[x, y] = tuple(round(a + (b - a) * t) for a, b in zip(top_left, bottom_right)) + (255,)
grad = small.resize((N, N), Image.BICUBIC)
mask = Image.new("L", (N, N), 0)
ImageDraw.Draw(mask).rounded_rectangle(body, radius, fill=255)
img.paste(grad, (0, 0), mask)

d = ImageDraw.Draw(img)
cx = cy = N / 2
ring = 262 * S


def hexagon(x, y, r, rotation=0.0):
    return [(x + r * math.cos(math.radians(60 * i + rotation)),
             y + r * math.sin(math.radians(60 * i + rotation))) for i in range(6)]


nodes = [(cx + ring * math.cos(math.radians(60 * i - 90)),
          cy + ring * math.sin(math.radians(60 * i - 90))) for i in range(6)]

edge = (255, 255, 255, 215)
w = 30 * S
# Edges go on their own layer so their translucency blends with the tile instead of punching through it.
edges = Image.new("RGBA", (N, N), (0, 0, 0, 0))
e = ImageDraw.Draw(edges)
# Ring edges and spokes: every outer node meets its neighbours and the centre.
for i in range(6):
    a, b = nodes[i], nodes[(i + 1) % 6]
    e.line([a, b], fill=edge, width=w)
    e.line([(cx, cy), a], fill=edge, width=w)
# Round the line joins.
for x, y in nodes + [(cx, cy)]:
    e.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=edge)
img.alpha_composite(edges)
d = ImageDraw.Draw(img)

# Outer nodes: white hexagons with a small indigo core.
for i, (x, y) in enumerate(nodes):
    d.polygon(hexagon(x, y, 70 * S, 30), fill=(255, 255, 255, 255))
    core = (79, 70, 229, 255) if i % 2 == 0 else (13, 148, 136, 255)
    d.polygon(hexagon(x, y, 30 * S, 30), fill=core)

# Central node: larger, white ring around a teal hexagon.
d.polygon(hexagon(cx, cy, 118 * S, 30), fill=(255, 255, 255, 255))
d.polygon(hexagon(cx, cy, 80 * S, 30), fill=(20, 184, 166, 255))
d.polygon(hexagon(cx, cy, 34 * S, 30), fill=(255, 255, 255, 255))

out = img.resize((1024, 1024), Image.LANCZOS)
out.save(OUTPUT, optimize=True)
print(f"wrote {OUTPUT}")
