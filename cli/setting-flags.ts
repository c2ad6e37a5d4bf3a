import { z } from 'zod';
import { SETTING_NAMES, settingsJsonSchema, type SettingName } from '../mock-host/config/settings.ts';

/** One command-line flag per setting, derived from the settings schema so flags and settings cannot drift apart. */
export interface SettingFlag {
  setting: SettingName;
  /** Without the leading dashes: `client-id`. */
  flag: string;
  /** The value's placeholder in --help: `<url>`, `<error|warning|never>`. */
  placeholder: string;
  description: string;
  default?: string;
  /** A value others on the machine could read from the process list; --help says to prefer the variable. */
  secret: boolean;
}

// PLUGIN_ID would become `--id`, which reads like any id: say which one.
const RENAMED: Partial<Record<SettingName, string>> = { PLUGIN_ID: 'plugin-id' };

const propertySchema = z.object({
  description: z.string().default(''),
  enum: z.array(z.string()).optional(),
  default: z.union([z.string(), z.number()]).optional(),
});

function placeholder(setting: SettingName, values: readonly string[] | undefined): string {
  if (values) return `<${values.join('|')}>`;
  if (setting.endsWith('_URL')) return '<url>';
  if (/SCRIPT|STATE|BASELINE/.test(setting)) return '<file>';
  if (setting.endsWith('_DIR')) return '<dir>';
  if (setting.endsWith('_SECONDS')) return '<seconds>';
  return '<value>';
}

export function flagOf(setting: SettingName): string {
  return RENAMED[setting] ?? setting.replace(/^PLUGIN_/, '').toLowerCase().replace(/_/g, '-');
}

function buildFlags(): SettingFlag[] {
  const properties = z.record(z.string(), z.unknown()).parse(settingsJsonSchema().properties);
  return SETTING_NAMES.map((setting) => {
    const property = propertySchema.parse(properties[setting] ?? {});
    return {
      setting,
      flag: flagOf(setting),
      placeholder: placeholder(setting, property.enum),
      description: property.description,
      ...(property.default !== undefined ? { default: String(property.default) } : {}),
      secret: /SECRET|PASSWORD|_TOKEN$/.test(setting),
    };
  });
}

export const SETTING_FLAGS: readonly SettingFlag[] = Object.freeze(buildFlags());
