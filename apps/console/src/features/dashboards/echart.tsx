import { Box } from '@mantine/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboards draw is bundled: bars, lines, their grid, tooltip, legend, mark lines, the aria
// description, the SVG renderer (crisp at any zoom, text a screen reader and a test can find).
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  AriaComponent,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;

/**
 * One chart. It is a picture for sighted readers: `label` names it for everyone else, and the data table beside it
 * (always rendered by the caller) is the accessible alternative with the same numbers and the drill-down links.
 */
export function EChart({ option, label, height = 280 }: { option: ChartOption; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chart.setOption({ aria: { enabled: true, label: { description: label } }, animation: false, ...option });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option, label]);
  return <Box ref={ref} role="img" aria-label={label} h={height} w="100%" miw={0} />;
}

/** Mantine's palette values the charts use, so they match the rest of the console and keep contrast. */
export const CHART_COLORS = {
  primary: '#364fc7',
  secondary: '#94d82d',
  muted: '#868e96',
  danger: '#c92a2a',
  fact: '#0c8599',
};
