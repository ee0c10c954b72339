import { App, Form, Input, Modal, Select, type FormInstance } from 'antd';
import type { NewUnit, UnitDetail, UnitPatch } from '../../../../src/modules/orgs/contract.ts';
import {
  fill,
  KIND_LABELS,
  LEVEL_LABELS,
  OWNERSHIP_LABELS,
  useI18n,
  useMessages,
} from '../../shared/i18n.ts';
import { confirmMessages } from './confirmMessages.ts';
import { StaleNotice } from '../../shared/StaleNotice.tsx';
import { UnitPicker } from '../../shared/UnitPicker.tsx';
import { orgsApi } from './api.ts';
import {
  coordinateRule,
  LAT_FIELD,
  locationMessages,
  locationOf,
  LON_FIELD,
} from './locationFields.ts';

export type UnitDialogKind = 'edit' | 'child' | 'move' | 'merge';

/** The unit page's one dialog: edit the unit, add a sub-unit, move it, or merge it into another. */
export function UnitDialog({
  unit: u,
  dialog,
  form,
  editVersion,
  stale,
  saving,
  reloading,
  onReload,
  onClose,
  onSubmit,
}: {
  unit: UnitDetail;
  dialog: UnitDialogKind | null;
  form: FormInstance;
  /** The version the edit form was filled from: sent back, so a stale save is refused. */
  editVersion: number;
  stale: boolean;
  saving: boolean;
  reloading: boolean;
  onReload: () => void;
  onClose: () => void;
  /** Runs the change the dialog asks for (the page shows its outcome). */
  onSubmit: (change: () => Promise<UnitDetail>) => void;
}) {
  const { t, lang } = useI18n();
  const { modal } = App.useApp();
  const cm = useMessages(confirmMessages);
  const lm = useMessages(locationMessages);
  // A school's location (the entry-grade distance criterion): shown for schools only.
  const newKind = Form.useWatch<string | undefined>('kind', form);
  const isSchool = dialog === 'edit' ? u.kind === 'school' : newKind === 'school';
  return (
    <Modal
      open={dialog !== null}
      title={
        dialog === 'edit'
          ? t.edit
          : dialog === 'child'
            ? t.addChild
            : dialog === 'move'
              ? t.moveTo
              : t.mergeInto
      }
      onCancel={onClose}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {dialog === 'edit' && stale && <StaleNotice onReload={onReload} loading={reloading} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(
          all: UnitPatch &
            Omit<NewUnit, 'parentId'> & { parentId: string; intoId: string } & Record<
              typeof LAT_FIELD | typeof LON_FIELD,
              string | undefined
            >,
        ) => {
          const { [LAT_FIELD]: lat, [LON_FIELD]: lon, ...values } = all;
          const location = isSchool
            ? { location: locationOf({ [LAT_FIELD]: lat, [LON_FIELD]: lon }) }
            : {};
          if (dialog === 'edit')
            onSubmit(() => orgsApi.update(u.id, { ...values, ...location, version: editVersion }));
          if (dialog === 'child')
            onSubmit(() => orgsApi.create({ ...values, ...location, parentId: u.id }));
          if (dialog === 'move') onSubmit(() => orgsApi.move(u.id, values));
          if (dialog === 'merge')
            modal.confirm({
              title: t.merge,
              content: (
                <>
                  <p data-testid="merge-counts">{fill(cm.deactivateHas, { ...u.counts }, lang)}</p>
                  <p>{t.mergeConfirm}</p>
                </>
              ),
              onOk: () => onSubmit(() => orgsApi.merge(u.id, values)),
            });
        }}
      >
        {(dialog === 'edit' || dialog === 'child') && (
          <>
            {dialog === 'child' && (
              <>
                <Form.Item label={t.code} name="code" rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
                <Form.Item label={t.kind} name="kind" rules={[{ required: true }]}>
                  <Select
                    options={Object.entries(KIND_LABELS[lang])
                      .filter(([k]) => k !== 'department')
                      .map(([value, label]) => ({ value, label }))}
                  />
                </Form.Item>
              </>
            )}
            <Form.Item label={t.name} name="name" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item label={t.levels} name="levels">
              <Select
                mode="multiple"
                options={Object.entries(LEVEL_LABELS[lang]).map(([value, label]) => ({
                  value,
                  label,
                }))}
              />
            </Form.Item>
            <Form.Item label={t.ownership} name="ownership">
              <Select
                allowClear
                options={Object.entries(OWNERSHIP_LABELS[lang]).map(([value, label]) => ({
                  value,
                  label,
                }))}
              />
            </Form.Item>
            <Form.Item label={t.address} name="address">
              <Input />
            </Form.Item>
            {isSchool && (
              <div style={{ display: 'flex', gap: 8 }}>
                <Form.Item
                  label={lm.latitude}
                  name={LAT_FIELD}
                  tooltip={lm.hint}
                  dependencies={[LON_FIELD]}
                  rules={[coordinateRule('latitude', () => form.getFieldValue(LON_FIELD))]}
                  style={{ flex: 1 }}
                >
                  <Input inputMode="decimal" placeholder="21,0285" />
                </Form.Item>
                <Form.Item
                  label={lm.longitude}
                  name={LON_FIELD}
                  dependencies={[LAT_FIELD]}
                  rules={[coordinateRule('longitude', () => form.getFieldValue(LAT_FIELD))]}
                  style={{ flex: 1 }}
                >
                  <Input inputMode="decimal" placeholder="105,8542" />
                </Form.Item>
              </div>
            )}
          </>
        )}
        {dialog === 'move' && (
          <Form.Item label={t.moveTo} name="parentId" rules={[{ required: true }]}>
            <UnitPicker />
          </Form.Item>
        )}
        {dialog === 'merge' && (
          <Form.Item label={t.mergeInto} name="intoId" rules={[{ required: true }]}>
            <UnitPicker />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
