/*
 * Coffee Control: the bridge between EChart.java and ECharts. The server sends the whole option as JSON; a
 * ResizeObserver keeps the canvas in step with its box, which is 0x0 when the element is first attached.
 */
window.coffeeCharts = window.coffeeCharts || {
  render: function (el, optionJson) {
    var chart = echarts.getInstanceByDom(el) || echarts.init(el);
    if (!el.$coffeeResize) {
      el.$coffeeResize = new ResizeObserver(function () {
        var c = echarts.getInstanceByDom(el);
        if (c) {
          c.resize();
        }
      });
      el.$coffeeResize.observe(el);
    }
    // Browser tests wait for this instead of guessing when the canvas is drawn.
    el.removeAttribute('data-rendered');
    chart.off('finished');
    chart.on('finished', function () {
      el.setAttribute('data-rendered', String(chart.getOption().series.length));
    });
    chart.setOption(JSON.parse(optionJson), true);
  }
};
