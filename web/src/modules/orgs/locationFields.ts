import type { GeoPoint } from '../../../../src/modules/orgs/contract.ts';
import { COORDINATE_RANGE, parseCoordinate, type CoordinateAxis } from '../../../../src/lib/geo.ts';
import { activeLang, defineMessages, fill, type Lang } from '../../shared/i18n.ts';

/**
 * A school's location on the unit form: two text fields (a decimal point or
 * the Vietnamese decimal comma, as src/lib/geo.ts reads them), named as the
 * server's field errors name them (`location.lat`), so a refusal lands on
 * the field.
 */
export const LAT_FIELD = 'location.lat';
export const LON_FIELD = 'location.lon';

export const locationMessages = defineMessages(
  {
    latitude: 'Vĩ độ',
    longitude: 'Kinh độ',
    location: 'Vị trí',
    hint: 'Độ thập phân, như bản đồ trên điện thoại hiển thị (ví dụ 21,0285 và 105,8542); dùng cho tiêu chí khoảng cách khi tuyển sinh đầu cấp.',
    format: 'Ghi độ thập phân, ví dụ 21,0285 hoặc 21.0285 (không ghi độ, phút, giây).',
    range: 'Nằm ngoài lãnh thổ Việt Nam: cần một số từ {min} đến {max}.',
    both: 'Ghi cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.',
  },
  {
    latitude: 'Latitude',
    longitude: 'Longitude',
    location: 'Location',
    hint: 'Decimal degrees, as a phone map shows them (e.g. 21.0285 and 105.8542); used by the distance criterion of entry-grade enrolment.',
    format: 'Write decimal degrees, e.g. 21.0285 or 21,0285 (not degrees, minutes, seconds).',
    range: 'Outside Viet Nam: a number from {min} to {max} is expected.',
    both: 'Write both latitude and longitude, or leave both empty.',
  },
);

/** A form validator for one of the two fields; `other` reads the other field's text. */
export function coordinateRule(axis: CoordinateAxis, other: () => unknown) {
  return {
    validator: (_: unknown, value: unknown) => {
      const m = locationMessages[activeLang()];
      const text = typeof value === 'string' ? value.trim() : '';
      const otherText = typeof other() === 'string' ? String(other()).trim() : '';
      if (!text) return otherText ? Promise.reject(new Error(m.both)) : Promise.resolve();
      const checked = parseCoordinate(text, axis);
      if (checked.ok) return Promise.resolve();
      const [min, max] = COORDINATE_RANGE[axis];
      return Promise.reject(
        new Error(checked.reason === 'format' ? m.format : fill(m.range, { min, max })),
      );
    },
  };
}

/** The two fields' texts → the API's location: null when both are empty. */
export function locationOf(values: Record<string, unknown>): GeoPoint | null {
  const lat = typeof values[LAT_FIELD] === 'string' ? values[LAT_FIELD].trim() : '';
  const lon = typeof values[LON_FIELD] === 'string' ? values[LON_FIELD].trim() : '';
  if (!lat && !lon) return null;
  // Read as the validators read it (coordinateRule); a value they refused goes as NaN, refused again.
  const read = (text: string, axis: CoordinateAxis) => {
    const checked = parseCoordinate(text, axis);
    return checked.ok ? checked.value : Number.NaN;
  };
  return { lat: read(lat, 'latitude'), lon: read(lon, 'longitude') };
}

/** A stored location as the fields show it (the decimal comma in Vietnamese). */
export function locationFields(location: GeoPoint | null, lang: Lang): Record<string, string> {
  const show = (n: number) => (lang === 'vi' ? String(n).replace('.', ',') : String(n));
  return {
    [LAT_FIELD]: location ? show(location.lat) : '',
    [LON_FIELD]: location ? show(location.lon) : '',
  };
}
