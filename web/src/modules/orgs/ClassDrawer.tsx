import { useQuery } from '@tanstack/react-query';
import { Drawer, Table } from 'antd';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { formatDate, useI18n } from '../../shared/i18n.ts';
import { registryApi } from '../registry/api.ts';

/** A class's students, opened from the unit page's class list. */
export function ClassDrawer({
  classId,
  title,
  onClose,
}: {
  classId: string | null;
  title: string | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const students = useQuery({
    queryKey: ['class', classId, 'students'],
    queryFn: () => registryApi.classStudents(classId ?? ''),
    enabled: classId !== null,
  });
  return (
    <Drawer
      open={classId !== null}
      onClose={onClose}
      title={title}
      width={Math.min(640, window.innerWidth)}
    >
      {students.error ? (
        <ErrorResult error={students.error} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={students.isLoading}
          dataSource={students.data ?? []}
          pagination={false}
          columns={[
            { title: '#', render: (_v, _r, i) => i + 1, width: 48 },
            { title: t.fullName, dataIndex: 'fullName' },
            { title: t.birthDate, dataIndex: 'birthDate', render: (d: string) => formatDate(d) },
            {
              title: t.gender,
              dataIndex: 'gender',
              render: (g: string) => (g === 'male' ? t.male : t.female),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
