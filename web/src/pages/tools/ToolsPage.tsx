import { Space } from 'antd';
import { CodeCheckCard } from './CodeCheckCard.tsx';
import { WorkdaysCard } from './WorkdaysCard.tsx';

/** 办事工具: working-day arithmetic and code checks that officials and enterprises use daily. */
export default function ToolsPage() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <WorkdaysCard />
      <CodeCheckCard />
    </Space>
  );
}
