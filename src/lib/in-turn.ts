// Runs renders one per task, in the order asked: a page that redraws a dozen charts at once would otherwise
// do it in one long main-thread task, during which scrolling, sliders and buttons wait.
//
//   ${resize((width) => inTurn(() => charts.gradientHeatmap(snapshots, {width})))}
let queue: Promise<unknown> = Promise.resolve();

/** Resolves to `render()`, run in a task of its own once every render asked for before it has run. */
export function inTurn<T>(render: () => T): Promise<T> {
  const result = queue.then(
    () =>
      new Promise<T>((resolve, reject) =>
        setTimeout(() => {
          try {
            resolve(render());
          } catch (error) {
            reject(error);
          }
        }, 0)
      )
  );
  queue = result.catch(() => {});
  return result;
}
