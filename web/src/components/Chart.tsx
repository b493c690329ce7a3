import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

export type EChartsCore = typeof import('echarts/core');

let echartsLoading: Promise<EChartsCore> | undefined;

/** ECharts is large, so it is loaded with the first chart shown (see echartsSetup.ts). */
function loadEcharts(): Promise<EChartsCore> {
  echartsLoading ??= import('./echartsSetup.ts').then((module) => module.echarts);
  return echartsLoading;
}

/**
 * Starts loading ECharts (and a chart kind's preparation, e.g. map outlines) before any chart
 * is shown, so that a page's data requests and the chart code travel at the same time.
 */
export function preloadCharts(prepare?: (echarts: EChartsCore) => Promise<void>): Promise<void> {
  return loadEcharts()
    .then((echarts) => prepare?.(echarts))
    .catch(() => undefined); // the chart itself reports a failed load when it is shown
}

/** An ECharts event's parameters, as far as the pages read them. */
export interface ChartEventParams {
  name?: string;
  seriesIndex?: number;
  data?: unknown;
}

interface ChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the canvas itself is not readable). */
  ariaLabel: string;
  height?: number;
  /** Work before the first chart is made, e.g. registering a map's outlines (runs once per chart). */
  prepare?: (echarts: EChartsCore) => Promise<void>;
  /** ECharts events (click…) and their handlers. */
  onEvents?: Record<string, (params: ChartEventParams) => void>;
  /** Called each time ECharts has finished drawing an option. */
  onDrawn?: () => void;
  testId?: string;
}

/** A chart that follows its option and its container's width. */
export function Chart({ option, ariaLabel, height = 320, prepare, onEvents, onDrawn, testId }: ChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType>();
  const [isDrawn, setIsDrawn] = useState(false);
  const onDrawnRef = useRef(onDrawn);
  useEffect(() => {
    onDrawnRef.current = onDrawn;
  });

  useEffect(() => {
    let instance: EChartsType | undefined;
    let isMounted = true;
    const observer = new ResizeObserver(() => instance?.resize());
    void loadEcharts()
      .then(async (echarts) => {
        await prepare?.(echarts);
        return echarts;
      })
      .then((echarts) => {
        if (!isMounted || !containerRef.current) return;
        instance = echarts.init(containerRef.current);
        instance.on('finished', () => {
          setIsDrawn(true);
          onDrawnRef.current?.();
        });
        observer.observe(containerRef.current);
        setChart(instance);
      });
    return () => {
      isMounted = false;
      observer.disconnect();
      instance?.dispose();
    };
    // `prepare` is a module-level function for a given chart kind; it is read once.
  }, []);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  useEffect(() => {
    if (!chart || !onEvents) return;
    const entries = Object.entries(onEvents);
    for (const [name, handler] of entries) chart.on(name, handler as (params: unknown) => void);
    return () => {
      for (const [name, handler] of entries) chart.off(name, handler as (params: unknown) => void);
    };
  }, [chart, onEvents]);

  return (
    <div
      ref={containerRef}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      data-drawn={isDrawn ? 'true' : 'false'}
      style={{ width: '100%', height }}
    />
  );
}
