/** The dashboards' text links: brand colour, underlined (not told apart by colour alone). */
export const linkClass = "text-brand-700 underline underline-offset-2 hover:text-brand-900";
