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
