"""The constant CSS and script of slide mode (sections/present/slides.py): no user text is ever placed in
either string."""

# Slide mode: no sidebar or Streamlit header; the page is exactly one screen tall. The root font
# size follows the screen (16 px at 1280x720, 24 px at 1920x1080), so every rem-sized text and gap
# scales with the projector and a slide that fits 1280x720 fits any 16:9 screen. The slide body
# (st.container key "slide_body") takes the height left under the banner, controls and heading;
# inside it a chart drawn with height="stretch" grows or shrinks to fill its column. Streamlit's
# DOM test ids are its public testing surface; tests/browser/test_slides.py checks the outcome.
# A constant: no user text is ever placed in this string.
PROJECTOR_CSS = """<style>
html {font-size: clamp(14px, min(1.25vw, 2.222vh), 32px);}
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], [data-testid="stToolbar"] {display: none !important;}
[data-testid="stMainBlockContainer"] {padding: 0.5rem 1.5rem 0.3rem !important; max-width: 100% !important;
  height: 100dvh; box-sizing: border-box; display: flex; flex-direction: column;}
[data-testid="stMainBlockContainer"] div:has(.st-key-slide_body) {display: flex; flex-direction: column;
  flex: 1 1 0 !important; min-height: 0 !important; gap: 0.45rem;}
.st-key-slide_body {flex: 1 1 0 !important; min-height: 0 !important; height: auto !important;}
.st-key-slide_body [data-testid="stLayoutWrapper"]:has([data-testid="stPlotlyChart"]),
.st-key-slide_body [data-testid="stHorizontalBlock"]:has([data-testid="stPlotlyChart"]),
.st-key-slide_body [data-testid="stColumn"]:has([data-testid="stPlotlyChart"]) > [data-testid="stVerticalBlock"],
.st-key-slide_body [data-testid="stElementContainer"]:has([data-testid="stPlotlyChart"])
  {flex: 1 1 0 !important; min-height: 0 !important;}
.st-key-slide_body [data-testid="stColumn"]:has([data-testid="stPlotlyChart"]) {display: flex !important;
  flex-direction: column;}
[data-testid="stAlert"] > div {padding: 0.35rem 0.9rem !important;}
[data-testid="stAlert"] p {font-size: 1.05rem !important;}
.st-key-slide_controls [data-testid="stMarkdownContainer"] {margin-bottom: 0 !important;}
.st-key-slide_controls [data-testid="stMarkdownContainer"] h3 {font-size: 1.6rem !important; padding: 0 0.5rem;
  margin: 0; line-height: 1;}
.st-key-slide_controls p {font-size: 1.15rem;}
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {font-size: 1.5rem; line-height: 1.35;}
[data-testid="stCaptionContainer"] {margin-bottom: 0 !important;}
[data-testid="stCaptionContainer"] p {font-size: 1.05rem !important; margin: 0 !important;}
.st-key-slide_footer [data-testid="stCaptionContainer"], .st-key-slide_footer [data-testid="stCaptionContainer"] *
  {font-size: 1.3rem !important; color: #3E4C59 !important; opacity: 1 !important;}
[data-testid="stMetric"] {padding: 0 !important;}
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p {font-size: 2.8rem !important; line-height: 1.15;}
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p {font-size: 1.35rem !important;}
[data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"] p {font-size: 1.35rem !important;}
h1 {font-size: 2.8rem !important; padding: 0.2rem 0 !important;}
h2 {font-size: 2.2rem !important; padding: 0.1rem 0 !important;}
h3 {font-size: 1.7rem !important;}
</style>"""
# What a presentation clicker sends: PageDown/PageUp, plus the arrow keys of a keyboard. Clicks the
# slide's Next/Previous button (found by its widget key); keys typed into a field are left alone.
# One listener per browser tab (re-registered on every run, the previous one removed first).
CLICKER_SCRIPT = """<script>
(() => {
  const doc = window.parent && window.parent.document ? window.parent.document : document;
  const host = doc.defaultView;
  const keys = {ArrowRight: "present_next", PageDown: "present_next", ArrowLeft: "present_previous",
                PageUp: "present_previous"};
  if (host.__matraSlideKeys) doc.removeEventListener("keydown", host.__matraSlideKeys, true);
  host.__matraSlideKeys = (event) => {
    const key = keys[event.key];
    const target = event.target;
    if (!key || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const button = [...doc.querySelectorAll(`.st-key-${key} button`)].find(shown => shown.offsetWidth > 0);
    if (!button) return;
    event.preventDefault();
    if (!button.disabled) button.click();
  };
  doc.addEventListener("keydown", host.__matraSlideKeys, true);
})();
</script>"""
