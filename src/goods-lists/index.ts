// Public surface of the uploaded lists of the checks at the post: replace one, read the stored one.
export {
  type GoodsListKind,
  type GoodsListSummary,
  type GoodsListUpload,
  replaceGoodsList,
} from "./replace.js";
export { findGoodsList } from "./store.js";
