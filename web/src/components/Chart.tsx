import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

type EChartsCore = typeof import('echarts/core');

let echartsLoading: Promise<EChartsCore> | undefined;

/** ECharts is large, so it is loaded with the first chart shown (see echartsSetup.ts). */
function loadEcharts(): Promise<EChartsCore> {
  echartsLoading ??= import('./echartsSetup.ts').then((module) => module.echarts);
  return echartsLoading;
}

interface ChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the canvas itself is not readable). */
  ariaLabel: string;
  height?: number;
}

/** A chart that follows its option and its container's width. */
export function Chart({ option, ariaLabel, height = 320 }: ChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType>();

  useEffect(() => {
    let instance: EChartsType | undefined;
    let isMounted = true;
    const observer = new ResizeObserver(() => instance?.resize());
    void loadEcharts().then((echarts) => {
      if (!isMounted || !containerRef.current) return;
      instance = echarts.init(containerRef.current);
      observer.observe(containerRef.current);
      setChart(instance);
    });
    return () => {
      isMounted = false;
      observer.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  return <div ref={containerRef} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
