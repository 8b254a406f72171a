package org.coffeecontrol.ui.internal.reports;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;

/**
 * An ECharts chart. The library and our connector come from the bundle's class path ({@code context://} is loaded
 * by the browser at run time, outside the pre-built frontend bundle). The option is kept on the server so that a
 * chart detached and attached again (tab switch, navigation back) is drawn again.
 * <p>
 * Browser tests: the element carries {@code data-rendered="<number of series>"} once ECharts has finished drawing.
 */
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
@JavaScript("context://coffee/reports/echarts-connector.js")
public class EChart extends Div {
    private static final long serialVersionUID = 1L;

    private String option;

    public EChart(String id) {
        setId(id);
        addClassName("report-chart");
    }

    /** Draws the chart described by an ECharts option (see {@link ChartOptions}). */
    public void setOption(String optionJson) {
        this.option = optionJson;
        if (isAttached()) {
            draw();
        }
    }

    public String option() {
        return option;
    }

    private void draw() {
        getElement().executeJs("window.coffeeCharts.render(this, $0)", option);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (option != null) {
            draw();
        }
    }
}
