/** A link-preview card's colours (`socialCard` in the site settings), as CSS colours librsvg reads. */
export interface SocialCardColours {
  background: string;
  accent: string;
  title: string;
  siteName: string;
}

/** The cards' colours unless the site sets its own: a dark blue, an orange rule, light text. */
export const DEFAULT_CARD_COLOURS: SocialCardColours = { background: '#0b2545', accent: '#ff7b54', title: '#f4f6f8', siteName: '#8da9c4' };
