import { useQuery } from '@tanstack/react-query';
import { Card, Input, List, Tag, Tree, Typography, type TreeProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Me, UnitSummary } from '../../../../src/modules/orgs/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { orgsApi } from './api.ts';
import { KIND_LABELS, useI18n } from '../../shared/i18n.ts';

type DataNode = NonNullable<TreeProps['treeData']>[number];

function toNode(unit: UnitSummary, lang: 'vi' | 'en'): DataNode {
  return {
    key: unit.id,
    title: (
      <span style={{ opacity: unit.active ? 1 : 0.5 }}>
        {unit.name} <Tag>{KIND_LABELS[lang][unit.kind]}</Tag>
      </span>
    ),
    isLeaf: unit.childCount === 0,
  };
}

function replaceChildren(nodes: DataNode[], key: string, children: DataNode[]): DataNode[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, children }
      : n.children
        ? { ...n, children: replaceChildren(n.children, key, children) }
        : n,
  );
}

export default function OrgTreePage(_props: { me: Me }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [tree, setTree] = useState<DataNode[] | null>(null);
  const roots = useQuery({
    queryKey: ['orgs', 'roots'],
    queryFn: async () => {
      const units = await orgsApi.roots();
      setTree(units.map((u) => toNode(u, lang)));
      return units;
    },
  });
  const found = useQuery({
    queryKey: ['orgs', 'search', query],
    queryFn: () => orgsApi.search(query),
    enabled: query.trim().length > 1,
  });
  if (roots.error) return <ErrorResult error={roots.error} />;
  return (
    <Card title={t.orgTree}>
      <Input.Search
        placeholder={t.searchUnits}
        allowClear
        onSearch={setQuery}
        onChange={(e) => e.target.value === '' && setQuery('')}
        style={{ marginBottom: 16 }}
      />
      {query.trim().length > 1 ? (
        <List
          loading={found.isLoading}
          dataSource={found.data ?? []}
          renderItem={(u) => (
            <List.Item>
              <Link to={`/don-vi/${u.id}`}>{u.name}</Link>{' '}
              <Typography.Text type="secondary">
                {u.code} · {KIND_LABELS[lang][u.kind]}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <Tree
          treeData={tree ?? []}
          loadData={async (node) => {
            const children = await orgsApi.children(String(node.key));
            setTree((current) =>
              replaceChildren(
                current ?? [],
                String(node.key),
                children.map((c) => toNode(c, lang)),
              ),
            );
          }}
          onSelect={(keys) => keys[0] && navigate(`/don-vi/${String(keys[0])}`)}
          blockNode
        />
      )}
    </Card>
  );
}
