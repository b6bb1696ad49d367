// The chart components of the site: each takes plain engine snapshots and returns a themed, accessible SVG.
export {
  GRAD_LOG10_DOMAIN,
  NO_DATA_FILL,
  gradientColor,
  gradientFill,
  gradientHeatmap
} from "./gradient-heatmap.js";
export type {GradientHeatmapOptions} from "./gradient-heatmap.js";
export {GRAD_NORM_DOMAIN, gradientProfile} from "./gradient-profile.js";
export type {GradientProfileOptions} from "./gradient-profile.js";
export {weightDistributions} from "./weight-distributions.js";
export type {WeightDistributionsOptions} from "./weight-distributions.js";
export {RELATIVE_CHANGE_FLOOR, weightChange} from "./weight-change.js";
export type {WeightChangeOptions} from "./weight-change.js";
export {saturationChart} from "./saturation-chart.js";
export type {SaturationChartOptions} from "./saturation-chart.js";
export {CHANCE, trainingCurves} from "./training-curves.js";
export type {TrainingCurvesOptions, TrainingMetric} from "./training-curves.js";
export {OKABE_ITO, SERIES, depthColor} from "./common.js";
export {imageGrid} from "./image-grid.js";
export type {ImageGridOptions, ImageGridRow} from "./image-grid.js";
export {layerTable} from "./layer-table.js";
export type {LayerTableOptions} from "./layer-table.js";
export {gradientDistributions, histogramMedian} from "./gradient-distributions.js";
export type {GradientDistributionsOptions} from "./gradient-distributions.js";
export {dataTable} from "./data-table.js";
export type {DataTableOptions} from "./data-table.js";
export {scrollRegion} from "./scroll-region.js";
export {MULTIPLES_DOMAIN, gradientMultiples, shortLayerName} from "./gradient-multiples.js";
export type {GradientMultiplesOptions, GradientPanel} from "./gradient-multiples.js";
export {accuracyCurves, highlightSeries, seriesStyle} from "./accuracy-curves.js";
export type {AccuracyCurvesOptions, CurveSeries} from "./accuracy-curves.js";
export {accuracyCurvesFigure, curvesLegend} from "./accuracy-legend.js";
export {seedSpread} from "./seed-spread.js";
export type {SeedRow, SeedSpreadOptions} from "./seed-spread.js";
export {sortableTable} from "./sortable-table.js";
export type {SortableColumn, SortableTableOptions, SortDirection} from "./sortable-table.js";
// Remedy views. activationCurves(items: {label, points: CurvePoint[]}[], {width, panelHeight?}):
// φ and φ′ of each activation; points = activationCurve(config) from src/engine/activation-scalars.ts (pages import
// it from "./engine/activation-scalars.js": components cannot import engine code at run time).
export {activationCurves} from "./activation-curves.js";
export type {ActivationCurveItem, ActivationCurvesOptions} from "./activation-curves.js";
export {runStyle} from "./run-styles.js";
export type {RunSeries, RunStyle} from "./run-styles.js";
// activationHistograms(snapshot, {width, compare?, labels?, domain?, columns?, panelHeight?}): per hidden layer,
// the shares of the outputs h on the snapshot's activation bins; `compare` (another run's snapshot) as outline.
export {activationHistograms} from "./activation-histograms.js";
export type {ActivationHistogramsOptions} from "./activation-histograms.js";
// updateRatios(runs: {label, snapshots}[] (1–3; first = in focus), {width, columns?, panelHeight?}): per layer,
// LayerProbe.updateRatio over steps on the fixed log axis UPDATE_RATIO_DOMAIN.
export {UPDATE_RATIO_DOMAIN, updateRatios} from "./update-ratios.js";
export type {UpdateRatiosOptions} from "./update-ratios.js";
// preactivationPercentiles(runs: {label, snapshots}[] (1–3), {width, height?, layer}): the 15/50/85th
// percentiles of hidden layer `layer`'s pre-activation over steps (layer indexes Snapshot.layers, 0 = hidden 1).
export {preactivationPercentiles} from "./preactivation-percentiles.js";
export type {PreactivationPercentilesOptions} from "./preactivation-percentiles.js";
// derivativeProducts(runs: {label, snapshot}[] (1–2), {width, height?}): per hidden layer, Π of mean φ′ from the
// output down to it (meanDerivativeProducts(snapshot) gives the numbers), on DERIVATIVE_PRODUCT_DOMAIN.
export {
  DERIVATIVE_PRODUCT_DOMAIN,
  derivativeProducts,
  meanDerivativeProducts
} from "./derivative-products.js";
export type {DerivativeProductsOptions, SnapshotSeries} from "./derivative-products.js";
// gradientProfile's `predicted` option takes predicted norms per layer: predictedGradientNorms(predictLayers(…),
// snapshot) from src/engine/mean-field-profile.ts (tensor-free) gives the mean-field line.
// networkDiagram(net: {depth, width?, skips, activation?, normalization?}, {width, inputSize?, outputSize?}): the
// layers left to right and one identity path per declared skip (a TrainConfig can be passed as it is).
export {networkDiagram} from "./network-diagram.js";
export type {NetworkDiagramOptions, NetworkShape} from "./network-diagram.js";
// stageTimeline(runs: {label, stages, accuracy?}[], {width, blockSizes, current?}): layer-wise training's stages
// drawn from the declared stage table (flame: trains, snowflake: frozen), a head and accuracy row per run.
export {stageTimeline} from "./stage-timeline.js";
export type {StageTimelineOptions, StageTimelineRun} from "./stage-timeline.js";
// phaseDiagram(data: {activation, scales, depths, grid, critical, depthScale, measured, pending, reader}, {width}):
// init scale × depth coloured by the predicted log10 first/last hidden gradient ratio on PHASE_DOMAIN (±6 decades),
// the critical line, depth = k·ξ curves, measured points and the reader's ring (src/lib/phase-client.ts: phaseData).
export {PHASE_DOMAIN, phaseDiagram} from "./phase-diagram.js";
export type {PhaseDiagramData, PhaseDiagramOptions, PhasePoint} from "./phase-diagram.js";
