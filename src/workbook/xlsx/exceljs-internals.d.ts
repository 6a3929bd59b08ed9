// Two small, dependency-free modules of exceljs used by the reader so it reads as exceljs did: the
// built-in number formats (which tell dates from numbers) and the shared-formula translation.
declare module "exceljs/lib/xlsx/defaultnumformats" {
  const formats: Record<number, { f: string } | undefined>;
  export default formats;
}
declare module "exceljs/lib/utils/shared-formula" {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}
