// Name pools for generating realistic demo staff, and the default sub-branch names. Pure data.
// Each pool is written as space-separated names; the order matters (the demo seed picks by index).

const words = (...lines: string[]): string[] => lines.flatMap((line) => line.split(" "));

/** The 60 distinct surnames, most frequent first. */
const DISTINCT_SURNAMES = words(
  "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹",
  "彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金",
);

/**
 * Common Chinese surnames, most frequent first. The first 60 entries are distinct; the ten most
 * common surnames are then repeated so that uniform random picks lean towards them.
 */
export const SURNAMES: string[] = [...DISTINCT_SURNAMES, ...DISTINCT_SURNAMES.slice(0, 10)];

/** Given names, mixed genders; mostly two characters, some single-character. */
export const GIVEN_NAMES: string[] = words(
  // two-character, more often male
  "建国 志强 海涛 俊杰 子轩 浩然 明辉 宇航 文博 晓东 立新 振华 国栋 晨阳 嘉豪 天宇 鹏飞 永刚 建华 伟民",
  "思远 家俊 一鸣 博文 泽宇 志伟 晓峰 红军 学军 庆丰 新宇 昊天 建军 振宇 立峰 世杰 子豪 俊峰 润泽 卫东",
  "德明 锦程 宏伟 少华 东升 文涛 晓明 承志 景行 凯文 旭东 云飞 长青 思聪 正阳 志刚 绍军 海波 明轩 国强",
  // two-character, more often female
  "秀英 丽娟 晓燕 雅琴 婷婷 欣怡 梦瑶 思琪 雨萱 佳慧 慧敏 丽华 春梅 晓霞 静怡 诗涵 紫涵 若曦 美玲 海燕",
  "玉兰 雪梅 丹丹 蕾蕾 晶晶 晓丽 文静 淑贞 雅婷 可欣 梓涵 芳芳 冰洁 月华 艳红 红梅 凤英 琳琳 晓岚 思雨",
  "子涵 佳琪 亚楠 梦洁 心怡 玉洁 一诺 语嫣 书瑶 宛如",
  // two-character, either gender
  "子墨 晓阳 文华 嘉怡 安琪 晨曦 秋实 明月 海宁 晓晨 宁远 思源 乐怡 雨辰 清扬 逸凡 子健 家宁 诗雨 梓萱",
  // single-character
  "伟 敏 静 磊 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 芳 琳 鑫 颖 斌",
);

/** Default sub-branches (支行) of the city bank. */
export const BRANCH_NAMES: string[] = ["城东支行", "城西支行", "高新区支行", "滨江支行", "开发区支行", "城北支行"];
