/**
 * Coordinates in Viet Nam (WGS 84 decimal degrees, as a phone's map shows
 * them): one check for every place that takes them — a school's location in
 * the org tree (its form and the org import), a residential area's centre
 * (the catchment import). The database holds the same ranges (migration
 * 2026121090 for org_unit).
 */

export type CoordinateAxis = 'latitude' | 'longitude';

/** A point in decimal degrees. */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** A point from two nullable columns (a unit's, an area's): null unless both are set. */
export function pointOf(latitude: number | null, longitude: number | null): GeoPoint | null {
  return latitude !== null && longitude !== null ? { lat: latitude, lon: longitude } : null;
}

/**
 * Viet Nam's mainland and islands, generously (the mainland spans about
 * 8.4–23.4 N and 102.1–109.5 E; the Trường Sa islands reach 117.8 E): a
 * swapped pair (105 as a latitude) or a lost decimal point (210285) falls
 * outside.
 */
export const COORDINATE_RANGE: Readonly<Record<CoordinateAxis, readonly [number, number]>> = {
  latitude: [8, 24],
  longitude: [102, 118],
};

export type CoordinateCheck =
  { ok: true; value: number } | { ok: false; reason: 'format' | 'range'; message: string };

/** A plain decimal: no thousands separator, one decimal point or Vietnamese decimal comma. */
const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;

export const BOTH_OR_NEITHER = 'Ghi cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.';

/** A coordinate as written ("21,0285" or "21.0285"); `text` is not empty. */
export function parseCoordinate(text: string, axis: CoordinateAxis): CoordinateCheck {
  const written = text.trim();
  if (!DECIMAL.test(written))
    return {
      ok: false,
      reason: 'format',
      // One template per axis: an interpolated name beside a value could not be told apart in English.
      message:
        axis === 'latitude'
          ? `Vĩ độ "${written}" không phải số thập phân: ghi độ thập phân, ví dụ 21,0285 hoặc 21.0285 (không ghi độ, phút, giây).`
          : `Kinh độ "${written}" không phải số thập phân: ghi độ thập phân, ví dụ 105,8542 hoặc 105.8542 (không ghi độ, phút, giây).`,
    };
  return inRange(Number(written.replace(',', '.')), axis, written);
}

/**
 * The two cells of a location in an imported row (the org import, the
 * catchment import), each problem told to `report` with its column: the
 * point when both are readable; null when both are empty, or when only one
 * is given (reported: the row is still checked for the rest, and the import
 * writes nothing); undefined when a cell cannot be read.
 */
export function readCoordinatePair(
  latitude: string | null,
  longitude: string | null,
  report: (axis: CoordinateAxis, message: string) => void,
): GeoPoint | null | undefined {
  const cell = (text: string | null, axis: CoordinateAxis) => {
    if (!text) return null;
    const checked = parseCoordinate(text, axis);
    if (checked.ok) return checked.value;
    report(axis, checked.message);
    return undefined;
  };
  const lat = cell(latitude, 'latitude');
  const lon = cell(longitude, 'longitude');
  if (lat === undefined || lon === undefined) return undefined;
  if (lat === null && lon === null) return null;
  if (lat === null || lon === null) {
    report(lat === null ? 'latitude' : 'longitude', BOTH_OR_NEITHER);
    return null;
  }
  return { lat, lon };
}

/** A coordinate given as a number (the API's): finite and inside Viet Nam. */
export function checkCoordinate(value: number, axis: CoordinateAxis): CoordinateCheck {
  if (!Number.isFinite(value)) return parseCoordinate(String(value), axis);
  // Shown as a Vietnamese reader writes it, with the decimal comma.
  return inRange(value, axis, String(value).replace('.', ','));
}

function inRange(value: number, axis: CoordinateAxis, shown: string): CoordinateCheck {
  const [min, max] = COORDINATE_RANGE[axis];
  if (value >= min && value <= max) return { ok: true, value };
  return {
    ok: false,
    reason: 'range',
    message:
      axis === 'latitude'
        ? `Vĩ độ ${shown} nằm ngoài lãnh thổ Việt Nam: cần một số thập phân từ ${min} đến ${max} (xem lại dấu thập phân, và vĩ độ, kinh độ có bị đổi chỗ không).`
        : `Kinh độ ${shown} nằm ngoài lãnh thổ Việt Nam: cần một số thập phân từ ${min} đến ${max} (xem lại dấu thập phân, và vĩ độ, kinh độ có bị đổi chỗ không).`,
  };
}
