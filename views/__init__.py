"""The view layer: what a view's selections mean, asked once for the page, the live slide and the
exported slide alike. Pure: no Streamlit; reads only through the store-like `source` it is given
(a `store.Store`, or an agenda's frozen data with the same read methods).

- views.chart: a view's chart as data (SeriesChart: kind, categories, series, the scale's top), drawn
  alike by the page, the live slide, the PPTX and the PDF handout.
- views.overview: the regions an overview selection (province, kind, cohort) keeps, its headline
  and its band chart (overview_model).
- views.compare: the regions a comparison shows (by hand, or an anchor and its peer set) and its chart.
- views.trends: the measure a trend view draws (the index or one dimension), its regions and its chart.
- views.claims: the claims view's model (key figures, dimension series, top OPDs, failed claims).
- views.action: the plan and scenario slides' figures.
"""
