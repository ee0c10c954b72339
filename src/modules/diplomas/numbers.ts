/**
 * The register's numbers (sổ gốc cấp văn bằng, Circular 21/2019/TT-BGDĐT).
 * Formats: {type} THPT/THCS, {year} the issue year, {n:W} the number
 * zero-padded to W digits. Serials never reset; entry numbers restart every
 * calendar year, so the register format must contain {year}.
 */
export const DEFAULT_FORMATS = { serial: '{type}{n:7}', register: '{year}/{type}/{n:5}' };

/** Copy register entry number (số vào sổ cấp bản sao): restarts every calendar year, per authority. */
export const COPY_NUMBER_FORMAT = '{year}/BS/{n:5}';

export function numberFormats(env: NodeJS.ProcessEnv = process.env): typeof DEFAULT_FORMATS {
  const formats = {
    serial: env.SOGD_DIPLOMA_SERIAL_FORMAT || DEFAULT_FORMATS.serial,
    register: env.SOGD_DIPLOMA_REGISTER_FORMAT || DEFAULT_FORMATS.register,
  };
  if (!/\{n(:\d+)?\}/.test(formats.serial) || !/\{n(:\d+)?\}/.test(formats.register))
    throw new Error('Định dạng số hiệu và số vào sổ phải chứa {n}.');
  if (!formats.register.includes('{year}'))
    throw new Error('Định dạng số vào sổ gốc phải chứa {year}: số vào sổ bắt đầu lại mỗi năm.');
  return formats;
}

export function formatNumber(
  template: string,
  values: { type: string; year: number; n: number },
): string {
  return template
    .replaceAll('{type}', values.type)
    .replaceAll('{year}', String(values.year))
    .replace(/\{n(?::(\d+))?\}/g, (_m, width: string | undefined) =>
      String(values.n).padStart(width ? Number(width) : 1, '0'),
    );
}
