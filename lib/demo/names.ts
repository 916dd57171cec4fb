// Fictitious Chinese names: a common surname plus a given name typical of the person's generation.
// Any resemblance to a real person is chance.
import type { Rng } from "./rng";
import type { Sex } from "@/lib/people/id-number";

const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 72], ["李", 70], ["张", 68], ["刘", 54], ["陈", 50], ["杨", 44], ["赵", 34], ["黄", 28],
  ["周", 26], ["吴", 24], ["徐", 18], ["孙", 18], ["胡", 16], ["朱", 15], ["高", 14], ["林", 12],
  ["何", 12], ["郭", 14], ["马", 12], ["罗", 11], ["梁", 10], ["宋", 9], ["郑", 9], ["谢", 8],
  ["韩", 8], ["唐", 8], ["冯", 7], ["于", 6], ["董", 6], ["程", 6], ["曹", 6], ["袁", 6], ["邓", 6],
  ["许", 6], ["曾", 5], ["彭", 5], ["吕", 5], ["苏", 5], ["蒋", 5], ["蔡", 5], ["贾", 5], ["丁", 4],
  ["魏", 4], ["薛", 4], ["叶", 4], ["阎", 4], ["潘", 4], ["杜", 4], ["夏", 3], ["田", 4], ["任", 4],
  ["范", 3], ["石", 3], ["姚", 3], ["谭", 3], ["邹", 3], ["熊", 3], ["郝", 4], ["白", 3], ["崔", 3],
  ["康", 3], ["秦", 3], ["侯", 3], ["孟", 3], ["武", 4], ["乔", 3], ["贺", 3], ["牛", 2], ["霍", 2],
];

const MALE_OLD = [
  "建国", "国庆", "保国", "振华", "德胜", "富贵", "福林", "长春", "玉山", "文明", "树林", "永生",
  "金山", "来福", "有才", "红军", "卫东", "志刚", "铁柱", "满仓", "忠义", "守仁", "新民", "占魁",
  "明山", "成林", "俊德", "福海", "连生", "春生", "双喜", "根旺",
];
const MALE_MID = [
  "志强", "建军", "海波", "立新", "国平", "小军", "伟", "勇", "军", "斌", "涛", "刚", "建华",
  "红兵", "永红", "卫国", "宏伟", "文斌", "晓东", "向东", "建平", "学军", "俊峰", "利民",
];
const MALE_YOUNG = [
  "浩然", "宇轩", "俊杰", "思远", "子豪", "博文", "鹏飞", "嘉豪", "一鸣", "天宇", "明轩", "浩宇",
  "晨阳", "子墨", "梓睿", "文博",
];
const FEMALE_OLD = [
  "桂兰", "秀英", "玉兰", "淑珍", "凤英", "秀兰", "桂英", "翠花", "金凤", "兰英", "玉珍", "素芬",
  "桂芳", "巧云", "月娥", "秀珍", "改莲", "爱英", "春梅", "冬梅",
];
const FEMALE_MID = [
  "丽华", "美玲", "春燕", "海燕", "丽娟", "晓梅", "红梅", "丽萍", "艳", "静", "敏", "霞", "芳",
  "丽", "娟", "燕", "英", "慧", "琳", "雪梅",
];
const FEMALE_YOUNG = [
  "子涵", "欣怡", "梓萱", "雨桐", "诗涵", "思琪", "佳怡", "可馨", "雨欣", "梦瑶", "一诺", "语嫣",
  "婧琪", "若曦",
];

export function randomSurname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

/** A given name typical of someone born in `birthYear`. */
export function randomGivenName(rng: Rng, sex: Sex, birthYear: number): string {
  const gen = birthYear < 1960 ? 0 : birthYear < 1990 ? 1 : 2;
  const pools = sex === "M" ? [MALE_OLD, MALE_MID, MALE_YOUNG] : [FEMALE_OLD, FEMALE_MID, FEMALE_YOUNG];
  return rng.pick(pools[gen] as readonly string[]);
}

export function randomName(rng: Rng, sex: Sex, birthYear: number, surname?: string): string {
  return (surname ?? randomSurname(rng)) + randomGivenName(rng, sex, birthYear);
}
