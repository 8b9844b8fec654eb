// The characters of the standard tables for transliterating foreign names into
// Chinese (卡, 帕, 西, 克, 莱, 姆, ...): a transliterated name is looked for only
// in runs of them. Shared by the core and the build-time tool that reads each
// one into pinyin (tools/name_readings).
#pragma once

#include <string_view>

namespace bitext {

inline constexpr std::u32string_view kNameCharacters =
    U"阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴黛丹道德登邓迪蒂丁东杜敦顿多朵厄恩尔法凡范菲斐芬"
    U"费丰弗伏福富盖甘冈高戈哥格葛古瓜圭哈海汉豪赫黑亨洪侯胡华怀霍基吉加佳贾杰捷金卡凯坎康考柯科可克肯库"
    U"夸奎昆拉莱赖兰朗劳勒雷蕾里理利丽莉连林琳隆卢鲁路伦罗洛吕马玛迈麦曼芒梅门蒙孟米密敏明摩莫默姆穆纳娜"
    U"奈南内妮尼宁纽努诺欧帕派潘庞佩彭皮珀坡普奇齐契恰乔琴琼丘屈萨塞赛桑瑟森沙莎山尚绍舍申圣施什史士舒斯"
    U"松苏索塔泰坦汤唐陶特滕提汀通图托瓦万旺威韦维温文沃乌伍西希锡席夏香肖谢辛休许雅亚扬耶叶伊依因英尤"
    U"于约泽扎詹珍朱卓兹宗佐";

}  // namespace bitext
