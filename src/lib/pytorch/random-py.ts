// The Python half of the exported script that needs no torch: the engine's seeded random numbers
// (src/engine/random.ts), ported operation for operation, and the data order built from them (the split of
// src/engine/batches.ts and each epoch's shuffle of src/engine/loop.ts). Unsigned 32-bit arithmetic is done
// with masks; JavaScript's doubles are Python's floats, so every value is the same bit for bit.

export const RANDOM_PY = String.raw`
# ---- Seeded random numbers: src/engine/random.ts, ported bit for bit ---------------------------------------
MASK32 = 0xFFFFFFFF


def imul(a, b):
    """JavaScript's Math.imul on unsigned 32-bit patterns: the low 32 bits of the product."""
    return (a * b) & MASK32


def mulberry32(seed):
    """The engine's generator of uniform floats in [0, 1) (mulberry32, 32-bit state)."""
    state = seed & MASK32

    def random():
        nonlocal state
        state = (state + 0x6D2B79F5) & MASK32
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t = (t ^ ((t + imul(t ^ (t >> 7), t | 61)) & MASK32)) & MASK32
        return ((t ^ (t >> 14)) & MASK32) / 4294967296

    return random


def shuffle_in_place(items, random):
    """Fisher-Yates from the end, as the engine's shuffleInPlace."""
    for i in range(len(items) - 1, 0, -1):
        j = math.floor(random() * (i + 1))
        items[i], items[j] = items[j], items[i]
    return items


def permutation(n, random):
    return shuffle_in_place(list(range(n)), random)


def f32(x):
    """Rounds a float to float32 (to nearest, ties to even), as storing it in a Float32Array does."""
    return struct.unpack("f", struct.pack("f", x))[0]


def normal_samples(n, random):
    """Standard normals by Box-Muller (u1 in (0, 1] keeps log finite), each rounded to float32."""
    out = [0.0] * n
    for i in range(0, n, 2):
        u1 = 1 - random()
        u2 = random()
        r = math.sqrt(-2 * math.log(u1))
        out[i] = f32(r * math.cos(2 * math.pi * u2))
        if i + 1 < n:
            out[i + 1] = f32(r * math.sin(2 * math.pi * u2))
    return out


# ---- The data order: the engine's split and per-epoch shuffles -------------------------------------------
def split_fit_validation(train_size, fraction, random):
    """A seeded permutation of the first train_size images; the first round(train_size * fraction) are held out."""
    order = permutation(train_size, random)
    held = js_round(train_size * fraction)
    return order[held:], order[:held]


def js_round(x):
    """JavaScript's Math.round: halves round up (Python's round() rounds them to even)."""
    return math.floor(x + 0.5)


def epoch_orders(config):
    """The split, then each epoch's order of the fit images, drawn from one stream seeded by seeds.data."""
    random = mulberry32(config["seeds"]["data"])
    fit, validation = split_fit_validation(config["trainSize"], config["validationFraction"], random)

    def orders():
        while True:
            # Every epoch shuffles a fresh copy of the split's fit order (not the previous epoch's order).
            yield shuffle_in_place(list(fit), random)

    return fit, validation, orders()


def print_order(n, epochs=2):
    """--print-order N: the site's shuffle of N images, then the split and first epochs for trainSize N."""
    config = dict(CONFIG, trainSize=n)
    fit, validation, orders = epoch_orders(config)
    print(json.dumps({
        "dataset": permutation(n, mulberry32(SITE_DATA["trainSeed"])),
        "fit": fit,
        "validation": validation,
        "epochs": [next(orders) for _ in range(epochs)],
    }))
`;
