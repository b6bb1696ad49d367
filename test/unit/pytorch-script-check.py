# Runs the pure-Python parts of an exported PyTorch script (see lib-pytorch-script.test.ts) without torch: the
# site's data rebuilt from the npm package (its --print-data output), and the loss of the first training batch
# from the script's data order and initial weights through a numpy forward pass of a plain MLP (no norm, no
# skips). Usage: python3 pytorch-script-check.py SCRIPT PACKAGE_DIR N -> JSON {"data": …, "step0": …}.
import contextlib
import io
import json
import sys

import numpy as np

script, package_dir, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
ns = {"__name__": "exported"}
exec(compile(open(script).read(), script, "exec"), ns)

# Parse the package once: print_data and the batch below both read it.
images_of_package = ns["npm_package_images"](package_dir)
ns["npm_package_images"] = lambda _: images_of_package

printed = io.StringIO()
with contextlib.redirect_stdout(printed):
    ns["print_data"](n, package_dir)

train, _ = images_of_package
images, labels = ns["shuffled_rows"](*train, ns["SITE_DATA"]["trainSeed"])
config = ns["CONFIG"]
_, layers = ns["initial_layers"]()
_, _, orders = ns["epoch_orders"](config)
batch = next(orders)[: config["batchSize"]]
h = (np.array([list(images[i]) for i in batch], dtype=np.float64) / 255).astype(np.float32)
y = np.array([labels[i] for i in batch])
activations = {"sigmoid": lambda z: 1 / (1 + np.exp(-z)), "relu": lambda z: np.maximum(z, 0)}
activation = activations[config["activation"]["kind"]]
for k, (w, b) in enumerate(layers):
    z = h @ np.array(w, dtype=np.float32).reshape(h.shape[1], len(b)) + np.array(b, dtype=np.float32)
    h = activation(z).astype(np.float32) if k < len(layers) - 1 else z
z = h - h.max(axis=1, keepdims=True)
log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
step0 = {"loss": float(-log_p[np.arange(len(y)), y].mean()), "accuracy": float((h.argmax(axis=1) == y).mean())}
print(json.dumps({"data": json.loads(printed.getvalue()), "step0": step0}))
